# Writes cases-10.jsonl: the tenth batch, written before any change it leads to and without reading
# the code, as a REPRESENTATIVE mix of ordinary traffic rather than a hunt for new shapes. About
# half is the everyday: one outlay with its amount, date and kind ("taxi fra Oslo S til kontoret
# 248 kr i dag", "hotel in Tromsø 1 690 NOK on 1 December"), a trip with its km and route, a travel
# claim asked for in a sentence, the bot's follow-up questions answered turn by turn, the purpose
# given and the claim filed ("send inn", "submit", "file it"), a status question, a how-to question
# for the guide. The other half is what people also do: several expenses at once (inline, with a
# heading, as bullets), corrections before and after the purpose, cancel and undo, passengers (in
# the sentence and afterwards), round trips, tolls, parking and ferries added to a trip,
# out-of-scope requests, greetings and thanks, with typos ("parkeing"), missing æøå, dialect ("æ
# kjørt … tel Melhus"), emoji and mixed language ("hadde en dinner med kunden"). Dates are relative
# to the runner's today (Sunday 6 December 2026 when written; explicit dates are in late November
# or early December). The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
PREV_TUE = '({weekday-before:tue}|{weekday-before:tue:2})'

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o10-taxi-nb','nb','taxi fra Oslo S til kontoret 248 kr i dag','taxi',248,'{date:0}',nots=[MIL],why='a taxi with a route, amount and "i dag"')
outlay('o10-lunsj-nb','nb','lunsj med kunde på Grand 612 kr i går','meal',612,'{date:-1}',why='a meal with a client and a place')
outlay('o10-hotell-nb','nb','hotell i Bergen 1 450 kr, 2. desember','hotel',1450,'{date:12-02}',why='a hotel night, thousands with a space, "2. desember"')
outlay('o10-flybuss-nb','nb','flybuss til Gardermoen 199 kr torsdag','transport',199,'{weekday-before:thu}',why='an airport bus is transport')
outlay('o10-bom-nb','nb','bom i Bjørvika 31 kr i dag','toll',31,'{date:0}',why='"bom" alone is a toll')
outlay('o10-drosje-nn','nn','drosje frå Værnes til hotellet, 465 kr i går','taxi',465,'{date:-1}',nots=[MIL],why='nynorsk drosje with a route')
outlay('o10-middag-nn','nn','middag med kundane 1 240 kr torsdag','meal',1240,'{weekday-before:thu}',why='nynorsk plural "kundane"')
outlay('o10-ferje-nn','nn','ferjebillett Stranda–Liabygda 94 kr fredag','ferry',94,'{weekday-before:fri}',nots=[MIL],why='a ferry crossing with its route')
outlay('o10-tog-nn','nn','togbillett Bergen–Voss 262 kr måndag','transport',262,'{weekday-before:mon}',nots=[MIL],why='a train ticket with its route')
outlay('o10-diesel-nn','nn','fylte diesel for 745 kr i går','fuel',745,'{date:-1}',why='"fylte diesel"')
outlay('o10-taxi-en','en','taxi from the airport to the hotel, 540 NOK, Thursday','taxi',540,'{weekday-before:thu}',nots=[MIL],why='a taxi with a route, the weekday last')
outlay('o10-dinner-en','en','dinner with the client yesterday, 1 180 NOK','meal',1180,'{date:-1}',why='the date before the amount')
outlay('o10-hotel-en','en','hotel in Tromsø 1 690 NOK on 1 December','hotel',1690,'{date:12-01}',why='"on 1 December"')
outlay('o10-fuel-en','en','fuel for the rental car 620 NOK yesterday','fuel',620,'{date:-1}',why='fuel for a rental car')
outlay('o10-tolls-en','en','paid 64 NOK in tolls today','toll',64,'{date:0}',why='"paid … in tolls"')
outlay('o10-ferry-en','en','ferry ticket Hella–Dragsvik 118 NOK on Friday','ferry',118,'{weekday-before:fri}',nots=[MIL],why='a ferry ticket with its route')

# ---- one outlay: typos, missing æøå, dialect, emoji, mixed language
outlay('o10-typo-nb','nb','parkeing ved sykehuset 135 kr idag','parking',135,'{date:0}',why='a typo of "parkering", "idag"')
outlay('o10-uten-aeoe-nn','nn','drosje heim fra flyplassen 327 kr i gar','taxi',327,'{date:-1}',why='no æøå ("fra", "i gar")')
outlay('o10-emoji-en','en','lunch w/ the team 🍕 420 NOK today','meal',420,'{date:0}',why='an emoji and "w/"')
outlay('o10-dialekt-nb','nb','æ måtte betale 85 kr for å parkere på kaia i dag','parking',85,'{date:0}',why='northern "æ", parking said as a verb')
outlay('o10-smil-nn','nn','Hei! Tok ein taxi til møtet hjå kunden i dag, 276 kr 🙂','taxi',276,'{date:0}',why='a greeting, a story, a smiley')
outlay('o10-flyplass-en','en','took a taxi to the flyplass this morning, 395 NOK','taxi',395,'{date:0}',why='a Norwegian word in an English sentence')
outlay('o10-dinner-nb','nb','hadde en dinner med kunden i går, 890 kr','meal',890,'{date:-1}',why='an English word in a Norwegian sentence')
outlay('o10-fly-emoji-en','en','✈️ flight Oslo–Bodø 1 890 NOK Tuesday','transport',1890,'{weekday-before:tue}',nots=[MIL],why='a plane emoji, a flight with its route')
outlay('o10-kosta-nn','nn','Eg tok drosje i går, den kosta 212 kroner','taxi',212,'{date:-1}',why='a short nynorsk story, "kosta … kroner"')

# ---- several expenses in one message
add('l10-og-nb','nb','taxi 312 kr og lunsj 189 kr i dag',[LIST,K['taxi'],K['meal'],'{amount:312}','{amount:189}','{date:0}'],why='two expenses with "og", the day once')
add('l10-heading-nn','nn','i går: parkering 110 kr, bompengar 42 kr',[LIST,K['parking'],K['toll'],'{amount:110}','{amount:42}','{date:-1}'],why='the day as a heading')
add('l10-both-en','en','hotel 1 290 NOK and dinner 455 NOK, both on Thursday',[LIST,K['hotel'],K['meal'],'{amount:1290}','{amount:455}','{weekday-before:thu}'],why='"both on Thursday"')
add('l10-bullets-nb','nb','Utlegg fra Trondheim-turen:\n- flytog 210 kr\n- taxi 385 kr\n- middag 640 kr',[LIST,'{amount:210}','{amount:385}','{amount:640}'],[MIL],why='a heading and three bullet lines')
add('l10-fredag-nn','nn','ferje 146 kr og parkering 90 kr på fredag',[LIST,K['ferry'],K['parking'],'{amount:146}','{amount:90}','{weekday-before:fri}'],why='"på fredag" dates both')

# ---- the bot's questions answered, turn by turn
outlay('f10-taxi-nb','nb',['må føre en taxi fra torsdag','345 kr','kundemøte hos Statkraft'],'taxi',345,'{weekday-before:thu}',[r'kundemøte hos Statkraft'],why='a kind and a day, the amount asked for, then the purpose')
outlay('f10-parkering-nn','nn',['parkering i går','80','synfaring på Stord'],'parking',80,'{date:-1}',[r'synfaring på Stord'],why='a bare figure answers "how much?"')
outlay('f10-hotel-en','en',['I need to claim a hotel night from Wednesday','1 420 NOK','sales conference'],'hotel',1420,'{weekday-before:wed}',[r'sales conference'],why='a hotel without its amount, then the amount, then the purpose')
outlay('f10-taxi-en','en',['taxi this morning','it was 298 kr','airport transfer for the Berlin trip'],'taxi',298,'{date:0}',[r'airport transfer'],nots=[purpose_not('it was')],why='"it was 298 kr" answers the amount')
mileage('f10-lillestrom-nb','nb',['kjørte til Lillestrøm i dag','38 km','fra kontoret','møte hos Norsk Gjenvinning'],38,[kr(38)],['{date:0}',r'Norsk Gjenvinning'],nots=[purpose_not('fra')],why='the km, then the start, then the purpose')
mileage('f10-osteroy-nn','nn',['køyrde frå Bergen til Osterøy i går','46 km','synfaring på tomta'],46,[kr(46)],['{date:-1}',r'synfaring på tomta'],why='the route given, the km asked for')
mileage('f10-ski-en','en',['drove to a customer in Ski yesterday','31','from the Oslo office','service visit'],31,[kr(31)],['{date:-1}',r'service visit'],nots=[purpose_not('from')],why='a bare figure for the km, the start in words')

# ---- the purpose given, the claim filed
outlay('p10-purpose-nb','nb',['taxi hjem fra jobben 255 kr i går','sen kveld på kontoret, budsjettarbeid'],'taxi',255,'{date:-1}',[r'budsjettarbeid'],why='a purpose with a comma')
outlay('p10-purpose-en','en',['ferry ticket 174 kr today','trip to the Finnøy site'],'ferry',174,'{date:0}',[r'Finnøy site'],why='a short phrase is the purpose')
outlay('p10-purpose-nn','nn',['parkering ved rådhuset 55 kr i dag','møte med bygningsrådet'],'parking',55,'{date:0}',[r'møte med bygningsrådet'],why='a nynorsk purpose')
add('x10-send-nb','nb',['parkering 140 kr på Lysaker i dag','møte med leverandør','send inn'],[FILED],[],why='the whole flow: outlay, purpose, "send inn"')
add('x10-submit-en','en',['cab to the client 310 NOK on Friday','client visit in Oslo','submit'],[FILED],[],why='the whole flow in English')
add('x10-mil-nb','nb',['kjørte fra kontoret på Helsfyr til Drøbak i dag, 52 km','service på varmepumpeanlegget','send den inn'],[FILED],[],why='a trip, its purpose, filed')
add('x10-ja-nn','nn',['hotell 1 180 kr torsdag','kurs i Trondheim','ja, send inn'],[FILED],[],why='"ja, send inn"')
add('x10-file-en','en',['drove 64 km from Stavanger to Egersund on Thursday','inspection at the plant','ok, file it now'],[FILED],[],why='"file it" after a trip')

# ---- claims questions (a new user has none)
st('s10-hotell-nb','nb','har jeg fått refundert hotellet fra forrige uke?','refunded, a kind, a time')
st('s10-godkjend-nn','nn','har leiaren min godkjent reiserekninga?','someone acting on the claim, nynorsk')
st('s10-status-en','en',"what's the status on my expenses?",'status of all')
st('s10-ikkje-betalt-nn','nn','kor mange av krava mine er ikkje betalt ut enno?','a count, not paid yet')
st('s10-mileage-en','en','has my mileage claim been paid out yet?','paid out, a kind')
add('s10-etter-nb','nb',['bomring Trondheim 48 kr i går','varelevering til kunde på Heimdal','send inn','hva er status på den nå?'],[FILED,STATE],[],why='status of the claim just filed')
add('s10-after-en','en',['parking at Fornebu 95 NOK today','meeting with Aker','submit it','is it approved yet?'],[FILED,STATE],[],why='"is it approved yet?" right after filing')

# ---- help (the guide's section is cited)
hp('h10-passasjer-nb','nb','hvor legger jeg inn passasjerer på en kjøretur?',r'5\.3',r'initial\w*','passengers (5.3)')
hp('h10-logg-inn-nn','nn','korleis kjem eg inn i Expense? Kva adresse er det?',r'1',r'connect\.visma\.com','login (1)')
hp('h10-password-en','en','I forgot my Expense password, what do I do?',r'3|1',r'connect\.visma\.com','forgotten password (3)')
hp('h10-sprak-nb','nb','hvor stiller jeg om språket i Expense til nynorsk?',r'2',r'Mine opplysning\w*|My details','settings (2)')
hp('h10-attach-en','en','how do I attach a photo of the receipt to an outlay?',r'5\.2|4\.1|4',r'Legg ved fil|Attach','attaching a receipt (5.2)')
hp('h10-parkering-nb','nb','skal parkering på en kjøretur føres som utlegg?',r'5\.1|5\.2',r'utlegg','tolls and parking on a mileage log are outlays (5.1)')
hp('h10-aktivere-nn','nn','kven kjem aktiveringseposten frå? Eg har ikkje sett noko',r'1',r'søppel\w*|connect\.visma\.com|do\.not\.reply','activation e-mail (1)')
hp('h10-stjerne-nb','nb','hvilke felt må fylles ut på en kjørebok?',r'5\.3',r'stjerne|asterisk','the red asterisk (5.3)')
add('h10-midt-i-nb','nb',['måtte parkere på Storo i dag, 65 kr','hvor laster jeg opp kvitteringen?'],[cites(r'5\.2|4\.1|4'),'{amount:65}'],[purpose_not('hvor')],why='a how-to question while the outlay waits: answered, the draft shown again')
add('h10-kan-en','en','what can you help me with?',[CAN],[ANY],why='what the bot can do')
add('r10-km-nn','nn','kor mykje får eg per kilometer når eg køyrer eigen bil?',[r'5[.,]30'],[ANY],why='the 2026 car rate, 5,30 kr/km')

# ---- commands that open a form
add('n10-koyring-nn','nn','ny køyring',[MIL],[OUT],why='the mileage form on command')

# ---- mileage
mileage('m10-rute-nb','nb','kjøring Sandvika–Hønefoss 43 km i går',43,[kr(43)],[r'Sandvika',r'Hønefoss','{date:-1}'],why='a route with a dash, no verb')
mileage('m10-utenstart-nb','nb','kjørte egen bil til Kongsberg i går, 84 km',84,[],['{date:-1}'],why='a trip without its start: a mileage draft with the km (the start is asked for)')
mileage('m10-voss-nn','nn','køyrde 36 km frå Voss til Dale i dag',36,[kr(36)],['{date:0}'],why='the plainest nynorsk trip')
mileage('m10-turretur-nn','nn','køyrde eigen bil frå Førde til Florø og tilbake i går, 156 km tur/retur',156,[kr(156)],['{date:-1}'],nots=[km(312)],why='"156 km tur/retur" is the whole trip')
mileage('m10-2x-nn','nn','køyring Bergen–Knarvik t/r 2 x 32 km torsdag',64,[kr(64)],['{weekday-before:thu}'],nots=[km(128)],why='"t/r 2 x 32 km" is the whole trip')
mileage('m10-each-way-en','en','mileage: Trondheim to Stjørdal and back, 35 km each way, Tuesday',70,[kr(70)],['{weekday-before:tue}'],why='"and back", "35 km each way"')
mileage('m10-moss-en','en','I drove my own car to the client in Moss yesterday, 61 km from Oslo',61,[kr(61)],['{date:-1}'],why='"61 km from Oslo" gives the start')
mileage('m10-hver-vei-nb','nb','kjørte tur-retur Oslo–Jessheim i dag, 48 km hver vei',96,[kr(96)],['{date:0}'],why='"tur-retur", "48 km hver vei"')
mileage('m10-trondersk-nb','nb','æ kjørt 47 km fra Trondheim tel Melhus i går',47,[kr(47)],['{date:-1}'],why='Trøndelag dialect: "æ kjørt", "tel"')

# ---- mileage with passengers
mileage('m10-to-pass-nb','nb','kjørte 122 km fra Oslo til Hamar i dag med Ingrid og Petter',122,[kr(122),amt(kr(122)+244)],[r'\bIngrid\b',r'\bPetter\b','{date:0}'],why='two passengers: 646,60 + 2 × 122')
mileage('m10-var-med-nn','nn','køyrde 44 km frå Stavanger til Sandnes i går, Tone var med',44,[kr(44),amt(kr(44)+44)],[r'\bTone\b','{date:-1}'],why='"Tone var med"')
mileage('m10-colleague-en','en','drove 88 km Oslo–Moss today with my colleague Henrik',88,[kr(88),amt(kr(88)+88)],[r'\bHenrik\b','{date:0}'],why='"with my colleague Henrik"')
add('mf10-satt-paa-nb','nb',['kjørte 73 km fra Skien til Kragerø i går','Lars satt på hele veien'],[MIL,km(73),r'\bLars\b','{amount:%s}' % kr(73),'{amount:%s}' % amt(kr(73)+73)],[OUT,purpose_not('Lars')],why='a passenger told after the trip')

# ---- tolls, parking and ferries added to a trip
add('mf10-bom-park-nn','nn',['køyrde frå Bergen til Odda i går, 118 km','bompengar 92 kr og parkering 60 kr'],[MIL,K['toll'],K['parking'],km(118),'{amount:%s}' % kr(118),'{amount:92}','{amount:60}','{amount:%s}' % amt(kr(118)+152)],[OUT,purpose_not('bompengar')],why='a toll and parking in one answer go on the trip')
add('mf10-tolls-en','en',['today I drove from Oslo to Asker, 41 km','paid 64 kr in tolls'],[MIL,K['toll'],km(41),'{amount:64}','{amount:%s}' % amt(kr(41)+64)],[OUT,purpose_not('paid')],why='"paid … in tolls" after the trip')
add('mf10-ferje-send-nn','nn',['køyrde 52 km frå Ålesund til Ørsta i dag','ferje 140 kr','møte med kommunen','send inn'],[FILED],[],why='a ferry on the trip, the purpose, "send inn"')

# ---- travel claims asked for in a sentence
add('t10-trondheim-nb','nb','jeg trenger en reiseregning for turen til Trondheim 1.–3. desember',[TRV_FORM,r'Trondheim','{date:12-01}','{date:12-03}'],[OUT,MIL],why='a request with a range in one month')
add('t10-oslo-nn','nn','kan eg få hjelp med reiserekning? Var i Oslo på konferanse frå 24. til 26. november',[TRV_FORM,r'Oslo','{date:11-24}','{date:11-26}'],[OUT,MIL],why='a question, then the trip told')
add('t10-stavanger-en','en','I need to file a travel claim for my trip to Stavanger, 30 Nov to 2 Dec',[TRV_FORM,r'Stavanger','{date:11-30}','{date:12-02}'],[OUT,MIL],why='a range across the month')
add('t10-tromso-nb','nb','reiseregning Tromsø 16.–18.11',[TRV_FORM,r'Tromsø','{date:11-16}','{date:11-18}'],[OUT,MIL],why='terse, "16.–18.11"')
add('t10-ny-nn','nn','ny reiserekning',[TRV],[OUT,MIL],why='the command in nynorsk')
add('t10-came-back-en','en',['travel claim for Bodø 2–4 December','sorry, I came back on the 5th'],[TRV_FORM,'{date:12-02}','{date:12-05}'],[OUT,MIL],why='the return day moved by a day of the month')

# ---- corrections before the purpose
outlay('c10-dag-nn','nn',['parkering i Florø 75 kr i går','nei vent, det var på fredag'],'parking',75,'{weekday-before:fri}',nots=['{date:-1}',purpose_not('nei')],why='the date corrected by a weekday')
outlay('c10-oops-en','en',['lunch with the interns 230 NOK today','oops, 320 not 230'],'meal',320,'{date:0}',nots=['{amount:230}',purpose_not('oops')],why='the right figure, then the wrong one')
outlay('c10-art-nb','nb',['betalte 38 kr i parkering på Ullevål i dag','beklager, det var bompenger'],'toll',38,'{date:0}',nots=[purpose_not('beklager')],why='the kind corrected')
mileage('c10-km-en','en',['drove Oslo to Ås today, 55 km','make that 65 km'],65,[kr(65)],['{date:0}'],nots=[km(55),purpose_not('make')],why='"make that 65 km"')
mileage('c10-km-nn','nn',['køyrde 72 km frå Lillehammer til Gjøvik i går','skal vere 45 km, ikkje 72'],45,[kr(45)],['{date:-1}'],nots=[km(72),purpose_not('skal')],why='"skal vere 45 km, ikkje 72"')

# ---- corrections after the purpose
outlay('c10-etter-belop-nb','nb',['hotell 1 290 kr i Haugesund i går','kurs i regi av NITO','oi, beløpet skulle vært 1 920'],'hotel',1920,'{date:-1}',[r'kurs i regi av NITO'],nots=['{amount:1290}'],why='the amount corrected after the purpose')
outlay('c10-etter-dato-en','en',['taxi back to the office 265 NOK today','board dinner that ran late','hold on, that was yesterday actually'],'taxi',265,'{date:-1}',[r'board dinner that ran late'],nots=['{date:0}'],why='the date corrected after the purpose')
mileage('c10-etter-km-nn','nn',['køyrde 48 km frå Molde til Kristiansund i dag','kundebesøk hjå Tine','rett km til 84'],84,[kr(84)],['{date:0}',r'kundebesøk hjå Tine'],nots=[km(48)],why='the km corrected after the purpose')
outlay('c10-etter-formal-nb','nb',['lunsj på Fyret 245 kr i dag','møte med regnskapsfører','endre formålet til møte med revisor'],'meal',245,'{date:0}',[r'møte med revisor'],nots=[purpose_not('møte med regnskapsfører')],why='the purpose changed')

# ---- cancel
add('x10-avbryt-nb','nb',['taxi til toget 217 kr i dag','avbryt, ble feil'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('avbryt')],why='"avbryt" with a reason')
add('x10-cancel-en','en',['one night at the hotel in Hamar, 1 100 NOK, yesterday','cancel that please'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('cancel')],why='"cancel that please"')
add('x10-cancel-mil-en','en',['drove 22 km from Sandnes to Stavanger today','cancel this trip'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('cancel')],why='a trip cancelled')
add('x10-reise-nn','nn',['reiserekning for Haugesund 17.–19. november','avbryt'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled')

# ---- undo
add('u10-angre-nb','nb',['bompassering i Bergen 33 kr i dag','avbryt denne','angre likevel'],[OUT,K['toll'],field(33)],[],why='"angre likevel" brings the outlay back')
add('u10-undo-en','en',['taxi to the station 180 NOK today','delete','undo, I still need it'],[OUT,K['taxi'],field(180)],[],why='"undo" with a reason')
add('u10-angre-nn','nn',['ferja over fjorden i går, 98 kr','avbryt','angre det'],[OUT,K['ferry'],field(98)],[],why='"angre det"')

# ---- out of scope
oos('oos10-kamp-nb','nb','hvem vant kampen i går?','football')
oos('oos10-omsetje-nn','nn','kan du omsetje denne e-posten til engelsk for meg?','translating an e-mail')
oos('oos10-skatt-nn','nn','kva er skattetrekket mitt i år?','tax withholding')
oos('oos10-ferie-en','en','how many vacation days do I have left?','holidays')

# ---- small talk
talk('talk10-takk-nb','nb','tusen takk, det var supert','thanks')
talk('talk10-morgon-nn','nn','god morgon!','greeting')
talk('talk10-thanks-en','en','thanks a bunch!','thanks')
talk('talk10-hi-en','en','hi there 👋','greeting with an emoji')

# ---- stretch: harder shapes
outlay('o10-tips-nb','nb','taxi 380 kr inkl. 40 kr tips i går','taxi',380,'{date:-1}',why='a total with the tip inside it: the total is the amount',stretch=True)
mileage('m10-mil-desimal-nb','nb','kjørte 4,5 mil fra Drammen til Hønefoss i dag',45,[kr(45)],['{date:0}'],why='"4,5 mil" is 45 km',stretch=True)
outlay('o10-purpose-label-en','en','parking 90 NOK today, purpose: audit meeting at KPMG','parking',90,'{date:0}',[r'audit meeting at KPMG'],why='the purpose given with a label in the first message',stretch=True)
add('t10-klokke-nn','nn','reiserekning: reiste til Tromsø måndag 30.11 kl. 06.40, heim att onsdag 2.12 kl. 21',[TRV_FORM,r'Tromsø','{date:11-30}','{date:12-02}'],[OUT,MIL],why='departure and return in two clauses with weekdays and times',stretch=True)
outlay('c10-to-felt-nb','nb',['hotell i Drammen 1 430 kr i dag','feil både dato og beløp: 3. desember, 1 340 kr'],'hotel',1340,'{date:12-03}',nots=['{amount:1430}','{date:0}'],why='two facts corrected in one message',stretch=True)
add('mf10-two-pass-en','en',['drove my car to Gjøvik from Oslo today – 140 km','Silje came along for the last 50 km and Ola the whole way'],[MIL,km(140),r'\bSilje\b',r'\bOla\b','{amount:%s}' % amt(kr(140)+50+140)],[OUT],why='two passengers told afterwards, one with her own km',stretch=True)
outlay('o10-natta-nn','nn','hotell i Bodø, 3 netter, 1 150 kr natta, sjekka ut i går','hotel',3450,why='a price per night without "à": 3 × 1 150',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-10.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
