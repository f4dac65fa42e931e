# Writes cases-13.jsonl: the thirteenth batch, written without reading the code, as a REPRESENTATIVE
# mix of ordinary traffic (like cases-10, -11 and -12), imagining yet other people: a teacher on a
# school trip (class bus, museum tickets, parking at the school), an electrician with a service van
# (diesel, materials, jobs around Drammen), a project manager at a client in Stavanger (Sola, Forus,
# Sandnes, Bryne), an accountant who writes formally ("Jeg ber om refusjon …, kr 734,00, datert …"),
# a trainee who asks a lot (unsure, chatty, emoji) and a sales rep in Trøndelag (Stjørdal, Orkanger,
# Steinkjer, Værnes, "æ betalt"). About half is the everyday: one outlay with its amount, date and
# kind, a trip with km and route, a travel claim asked for in a sentence, the bot's follow-up
# questions answered turn by turn, the purpose, filing, a status question, a how-to question for the
# guide. The other half: several expenses at once, corrections before and after the purpose, cancel
# and undo, passengers, round trips, tolls, parking and ferries on a trip, out-of-scope, small talk,
# typos, missing æøå, dialect, emoji, mixed language. Dates are relative to the runner's today
# (Sunday 6 December 2026 when written; explicit dates are in late November or early December). The
# helpers and regexes are gen.py's; the sentences are new (checked against the twelve batches before).
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o13-sola-nb','nb','parkering på Sola flyplass 310 kr i går','parking',310,'{date:-1}',why='a project manager\'s airport parking')
outlay('o13-forus-nb','nb','taxi fra hotellet til kunden på Forus 274 kr i dag','taxi',274,'{date:0}',nots=[MIL],why='a taxi to a client in Stavanger')
outlay('o13-varebil-nb','nb','diesel til servicebilen 1 184 kr i går','fuel',1184,'{date:-1}',why='an electrician fuelling the van')
outlay('o13-stavanger-nb','nb','hotell i Stavanger 1 745 kr 3. desember','hotel',1745,'{date:12-03}',why='a hotel with "3. desember"')
outlay('o13-klassetur-nb','nb','bussbillett for klassetur til Lillehammer 215 kr fredag','transport',215,'{weekday-before:fri}',nots=[MIL],why='a teacher\'s bus ticket on a school trip')
outlay('o13-steinkjer-nb','nb','lunsj med kunde i Steinkjer 412 kr onsdag','meal',412,'{weekday-before:wed}',why='a sales rep in Trøndelag, a weekday')
outlay('o13-bom-nn','nn','bompengar på veg til Orkanger 87 kr i dag','toll',87,'{date:0}',nots=[MIL],why='a toll on the way, nynorsk')
outlay('o13-hotell-nn','nn','overnatting i Ålesund 1 290 kr tysdag','hotel',1290,'{weekday-before:tue}',why='a nynorsk hotel with "tysdag"')
outlay('o13-tog-nn','nn','togbillett frå Trondheim til Støren 126 kr i går','transport',126,'{date:-1}',nots=[MIL],why='a train ticket, nynorsk')
outlay('o13-middag-nn','nn','middag med leverandøren 688 kr 2. desember','meal',688,'{date:12-02}',why='a supplier dinner, nynorsk')
outlay('o13-parkering-nn','nn','parkering ved skulen 55 kr i dag','parking',55,'{date:0}',why='a teacher\'s parking, nynorsk')
outlay('o13-lading-nn','nn','lading av elbilen på Ladestasjonen 236 kr torsdag','fuel',236,'{weekday-before:thu}',why='charging an electric car, nynorsk')
outlay('o13-taxi-en','en','taxi from Stavanger airport to the client 389 NOK yesterday','taxi',389,'{date:-1}',nots=[MIL],why='a project manager\'s taxi')
outlay('o13-hotel-en','en','hotel in Trondheim 1 480 NOK on 1 December','hotel',1480,'{date:12-01}',why='a hotel with "on 1 December"')
outlay('o13-parking-en','en','parking at the wholesaler 65 NOK today','parking',65,'{date:0}',why='an electrician\'s parking')
outlay('o13-dinner-en','en','dinner with the project team 920 NOK on Tuesday','meal',920,'{weekday-before:tue}',why='a team dinner, "on Tuesday"')
outlay('o13-diesel-en','en','diesel for the van 1 020 NOK Thursday','fuel',1020,'{weekday-before:thu}',why='kind, amount, weekday')

# ---- one outlay: typos, missing æøå, dialect, emoji, mixed language, formal
outlay('o13-typo-nb','nb','hotel i Stavnger 1 620 kr i gåår','hotel',1620,'{date:-1}',why='typos: "Stavnger", "i gåår"')
outlay('o13-uten-aeoe-nb','nb','bompenger pa vei til Vaernes 64 kr i dag','toll',64,'{date:0}',nots=[MIL],why='no æøå ("pa", "Vaernes")')
outlay('o13-trondersk-nb','nb','æ betalt 185 kr for parkering på Værnes i går','parking',185,'{date:-1}',why='Trøndelag dialect: "æ betalt"')
outlay('o13-formell-nb','nb','Jeg ber om refusjon av utlegg til middag med revisor, kr 734,00, datert 2. desember.','meal',734,'{date:12-02}',why='an accountant writing formally')
outlay('o13-emoji-nn','nn','🚕 drosje heim frå julebordet med kunden, 356 kr i går','taxi',356,'{date:-1}',nots=[MIL],why='an emoji first, nynorsk')
outlay('o13-mix-en','en','paid parkering at Forus 120 kr today','parking',120,'{date:0}',why='Norwegian word and "kr" in English')
outlay('o13-trainee-en','en','hi, I am new here 😅 I bought a train ticket to the office in Trondheim for 98 NOK today, is that something I can claim?','transport',98,'{date:0}',why='a trainee, unsure and chatty')
outlay('o13-uten-aeoe-nn','nn','ferje fra Halhjem til Sandvikvag 290 kr i gar','ferry',290,'{date:-1}',nots=[MIL],why='nynorsk ferry without æøå')
outlay('o13-elektro-nn','nn','kjøpte kabelsko og tape på Elektroimportøren 349 kr i dag','other',349,'{date:0}',nots=[MIL],why='an electrician\'s small materials: other')

# ---- several expenses in one message
add('l13-tre-nb','nb','fredag: tog 245 kr, lunsj 159 kr og taxi 210 kr',[LIST,K['transport'],K['meal'],K['taxi'],'{amount:245}','{amount:159}','{amount:210}','{weekday-before:fri}'],why='three expenses after a weekday heading')
add('l13-to-nn','nn','parkering 90 kr og bompengar 43 kr i dag',[LIST,K['parking'],K['toll'],'{amount:90}','{amount:43}','{date:0}'],why='two expenses, one date')
add('l13-linjer-nn','nn','frå turen i går:\nhotell 1 190 kr\nmiddag 460 kr',[LIST,K['hotel'],K['meal'],'{amount:1190}','{amount:460}','{date:-1}'],why='a heading and two lines, nynorsk')
add('l13-saman-nn','nn','drosje 198 kr og lunsj 245 kr, begge på torsdag',[LIST,K['taxi'],K['meal'],'{amount:198}','{amount:245}','{weekday-before:thu}'],why='"begge på torsdag", nynorsk')
add('l13-stavanger-en','en','Stavanger trip yesterday: taxi 340 NOK, lunch 215 NOK, parking 180 NOK',[LIST,K['taxi'],K['meal'],K['parking'],'{amount:340}','{amount:215}','{amount:180}','{date:-1}'],why='three expenses after a colon')
add('l13-and-en','en','hotel 1 350 NOK and dinner 510 NOK on Wednesday',[LIST,K['hotel'],K['meal'],'{amount:1350}','{amount:510}','{weekday-before:wed}'],why='two expenses joined by "and"')

# ---- the bot's questions answered, turn by turn
outlay('f13-parkering-nb','nb',['skal føre parkering fra i går','det kostet 95 kr','elevtur til Maihaugen'],'parking',95,'{date:-1}',[r'elevtur til Maihaugen'],why='the amount asked for, then the purpose')
outlay('f13-lunsj-nb','nb',['lunsj med kunde i dag','349','salgsmøte med Meråker Bruk'],'meal',349,'{date:0}',[r'salgsmøte med Meråker Bruk'],why='a bare figure answers the amount')
outlay('f13-hotell-nn','nn',['eg må føre hotell frå onsdag','1 390 kr','prosjektmøte i Stavanger'],'hotel',1390,'{weekday-before:wed}',[r'prosjektmøte i Stavanger'],why='nynorsk, the amount asked for')
outlay('f13-parking-en','en',['I need to claim parking from yesterday','150 NOK','site visit at the customer'],'parking',150,'{date:-1}',[r'site visit at the customer'],why='"150 NOK" answers the amount')
outlay('f13-train-en','en',['train ticket today','it came to 312 NOK','audit meeting in Oslo'],'transport',312,'{date:0}',[r'audit meeting in Oslo'],why='"it came to 312 NOK"')
mileage('f13-sandnes-nb','nb',['kjørte til kunden i Sandnes i dag','21 km','fra hotellet i Stavanger sentrum','statusmøte i prosjektet'],21,[kr(21)],['{date:0}',r'statusmøte i prosjektet'],nots=[purpose_not('fra')],why='km, start and purpose asked for in turn')
mileage('f13-orkanger-nn','nn',['køyrde til ein kunde på Orkanger i går','46 km','frå kontoret i Trondheim','kundebesøk'],46,[kr(46)],['{date:-1}',r'kundebesøk'],nots=[purpose_not('frå')],why='a sales rep\'s trip finished in the chat')
mileage('f13-van-en','en',['drove the van to a job in Lier today','about 29 km','from the warehouse in Drammen','fuse board replacement'],29,[kr(29)],['{date:0}',r'fuse board replacement'],nots=[purpose_not('from')],why='an electrician\'s trip finished in the chat')

# ---- the purpose given
outlay('p13-skole-nb','nb',['inngangsbillett til museet for klassen 480 kr i dag','ekskursjon med 9B'],'other',480,'{date:0}',[r'ekskursjon med 9B'],why='a teacher\'s ticket, then the purpose')
outlay('p13-kunde-nn','nn',['drosje til Forus 265 kr i går','oppstartsmøte med kunden'],'taxi',265,'{date:-1}',[r'oppstartsmøte med kunden'],why='a nynorsk purpose')
outlay('p13-audit-en','en',['lunch with the auditors 780 NOK today','year-end audit at Fjord Regnskap'],'meal',780,'{date:0}',[r'year-end audit at Fjord Regnskap'],why='an accountant\'s purpose')

# ---- the claim filed
add('x13-elev-nb','nb',['parkering ved skolen 62 kr i dag','foreldremøte','send inn kravet'],[FILED],[],why='outlay, purpose, "send inn kravet"')
add('x13-stjordal-nb','nb',['kjørte 34 km fra Trondheim til Stjørdal i dag','kundemøte','ok send'],[FILED],[],why='a trip, its purpose, "ok send"')
add('x13-buss-nn','nn',['buss til Molde 178 kr i dag','kurs for lærarar','send inn, takk'],[FILED],[],why='"send inn, takk", nynorsk')
add('x13-taxi-en','en',['taxi to the client 245 NOK today','kickoff workshop','submit it'],[FILED],[],why='"submit it"')
add('x13-drive-en','en',['drove 52 km from Stavanger to Bryne today','client steering group','yes, file it'],[FILED],[],why='a trip, its purpose, "yes, file it"')

# ---- claims questions (a new user has none)
st('s13-status-nb','nb','hvordan ligger det an med utleggene mine?','status of outlays')
st('s13-godkjent-nn','nn','er køyringa mi godkjend enno?','mileage approved, nynorsk')
st('s13-list-nn','nn','vis meg krava mine','the list asked for, nynorsk')
st('s13-pending-en','en','do I have anything waiting for approval?','waiting for approval')
st('s13-refund-en','en','when will I get my money for the hotel?','payout of a claim')
add('s13-etter-nb','nb',['taxi til kundemøtet 199 kr i dag','befaring med Statsbygg på Lade','send inn','er den godkjent?'],[FILED,STATE],[],why='status right after filing')
add('s13-after-en','en',['parking near the office 85 NOK today','team meeting','submit','what is the status now?'],[FILED,STATE],[],why='status right after filing')

# ---- help (the guide's section is cited)
hp('h13-aktivering-nb','nb','jeg har ikke fått e-posten for å aktivere brukeren min',r'1|3',r'spam|søppel|Glemt|Forgot','the activation e-mail (1)')
hp('h13-passasjer-nn','nn','korleis legg eg til ein passasjer i køyreboka?',r'5\.3',r'initial\w*','passengers by initials (5.3)')
hp('h13-password-en','en','how do I reset my password?',r'3|1',r'connect\.visma\.com','forgotten password (3)')
hp('h13-bom-nb','nb','skal bompenger føres i kjøreboka eller som utlegg?',r'5\.1|5\.3',r'utlegg|outlay','tolls on a mileage log are outlays (5.1)')
hp('h13-app-nn','nn','må eg laste ned Attach på nytt? eg har hatt appen sidan 2019',r'4',r'2020','download again if older than 2020 (4)')
hp('h13-receipt-en','en','how do I attach a photo of the receipt?',r'5\.2|4\.1|4',r'Legg ved fil|Attach','attaching a receipt (5.2)')
hp('h13-diett-nb','nb','hvilken type skal jeg velge når jeg har krav på diett?',r'5\.4|5',r'diett\w*|reise|travel|per diem','travel is for per diem (5.4)')
hp('h13-browser-en','en','what browser works best with Visma Expense?',r'1',r'Chrome','Chrome (1)')
hp('h13-innstillingar-nn','nn','kvar endrar eg språket i Expense?',r'2',r'Mine opplysning\w*|My details','the language setting (2)')
add('h13-midt-i-en','en',['taxi 230 NOK today','where do I find the Attach photos?'],[cites(r'5\.2|4\.1|4'),'{amount:230}'],[purpose_not('where')],why='a how-to question while the outlay waits: answered, the draft kept')
add('r13-km-en','en','what is the mileage rate per km this year?',[r'5[.,]30'],[ANY],why='the 2026 car rate')
add('r13-passasjer-nb','nb','hva får jeg per km for å ha med en kollega i bilen?',[r'1[.,]00'],[ANY],why='the passenger rate')

# ---- commands that open a form
add('n13-kjoring-nb','nb','ny kjørebok',[MIL],[OUT],why='the mileage form on command')
add('n13-travel-en','en','start a new travel claim',[TRV],[OUT,MIL],why='the travel form asked for')

# ---- mileage
mileage('m13-stjordal-nb','nb','kjørte 38 km fra Trondheim til Stjørdal i går',38,[kr(38)],['{date:-1}'],why='the plainest bokmål trip')
mileage('m13-sandnes-nn','nn','køyring Stavanger–Sandnes 17 km i dag',17,[kr(17)],['{date:0}'],why='a route with a dash')
mileage('m13-tr-nb','nb','kjørte servicebilen til Asker og tilbake i dag, 26 km hver vei',52,[kr(52)],['{date:0}'],nots=[km(104)],why='"26 km hver vei" doubles')
mileage('m13-totalt-nb','nb','tur/retur Levanger–Verdal i går, 28 km til sammen',28,[kr(28)],['{date:-1}'],nots=[km(56)],why='"28 km til sammen" is the whole round trip')
mileage('m13-namsos-nn','nn','køyrde 95 km frå Steinkjer til Namsos torsdag',95,[kr(95)],['{weekday-before:thu}'],why='a weekday, nynorsk')
mileage('m13-hjem-nn','nn','køyrde frå Førde til Sogndal og heim att i dag, 91 km kvar veg',182,[kr(182)],['{date:0}'],nots=[km(364)],why='"heim att", "kvar veg" doubles')
mileage('m13-kvam-nn','nn','køyring 33 km frå Norheimsund til Øystese i går',33,[kr(33)],['{date:-1}'],why='the plainest nynorsk trip')
mileage('m13-bryne-en','en','drove 36 km from Stavanger to Bryne yesterday',36,[kr(36)],['{date:-1}'],why='the plainest English trip')
mileage('m13-roundtrip-en','en','round trip Trondheim–Melhus today, 22 km each way',44,[kr(44)],['{date:0}'],nots=[km(88)],why='"22 km each way" doubles')
mileage('m13-wed-en','en','mileage Oslo to Lillestrøm and back on Wednesday, 67 km in total',67,[kr(67)],['{weekday-before:wed}'],nots=[km(134)],why='"67 km in total" is the whole round trip')

# ---- mileage with passengers
mileage('m13-ola-nb','nb','kjørte 64 km fra Trondheim til Orkanger i dag med Ola',64,[kr(64),amt(kr(64)+64)],[r'\bOla\b','{date:0}'],why='"med Ola"')
mileage('m13-ingrid-nn','nn','køyrde 42 km frå Molde til Kristiansund i går med Ingrid',42,[kr(42),amt(kr(42)+42)],[r'\bIngrid\b','{date:-1}'],why='"med Ingrid", nynorsk')
mileage('m13-two-en','en','drove 54 km from Stavanger to Egersund today with Tor and Maja in the car',54,[kr(54),amt(kr(54)+108)],[r'\bTor\b',r'\bMaja\b','{date:0}'],why='two passengers "in the car"')
add('mf13-per-nn','nn',['køyrde 37 km frå Bergen til Knarvik i dag','Per sat på'],[MIL,km(37),r'\bPer\b','{amount:%s}' % kr(37),'{amount:%s}' % amt(kr(37)+37)],[OUT,purpose_not('Per')],why='a passenger told after the trip')

# ---- tolls and ferries added to a trip
add('mf13-bom-nb','nb',['kjørte 48 km fra Stavanger til Jørpeland i dag','bompenger 110 kr'],[MIL,K['toll'],km(48),'{amount:110}','{amount:%s}' % amt(kr(48)+110)],[OUT,purpose_not('bompenger')],why='a toll after the trip goes on it')
add('mf13-parkering-nn','nn',['køyrde 31 km frå Trondheim til Malvik i går','parkeringa kosta 60 kr'],[MIL,K['parking'],km(31),'{amount:60}','{amount:%s}' % amt(kr(31)+60)],[OUT,purpose_not('parkeringa')],why='parking after the trip')
add('mf13-toll-en','en',['drove 41 km from Oslo to Vestby yesterday','plus 38 NOK in tolls'],[MIL,K['toll'],km(41),'{amount:38}','{amount:%s}' % amt(kr(41)+38)],[OUT,purpose_not('plus')],why='"plus 38 NOK in tolls" after the trip')
add('mf13-ferje-send-nb','nb',['kjørte 56 km fra Stavanger til Tau i går','ferje 181 kr','kundebesøk','send inn'],[FILED],[],why='a trip, its ferry, the purpose, filed')

# ---- travel claims asked for in a sentence
add('t13-stavanger-nb','nb','jeg trenger en reiseregning for prosjektet i Stavanger 30. november–3. desember',[TRV_FORM,r'Stavanger','{date:11-30}','{date:12-03}'],[OUT,MIL],why='a range with a dash')
add('t13-klassetur-nb','nb','lag reiseregning for klasseturen til Lillehammer 26.–27. november',[TRV_FORM,r'Lillehammer','{date:11-26}','{date:11-27}'],[OUT,MIL],why='a teacher\'s school trip')
add('t13-roros-nn','nn','kan du lage reiserekning for messa på Røros 24. til 26. november?',[TRV_FORM,r'Røros','{date:11-24}','{date:11-26}'],[OUT,MIL],why='a nynorsk request with "til"')
add('t13-bodo-nn','nn','reiserekning Bodø 1.–4. desember',[TRV_FORM,r'Bodø','{date:12-01}','{date:12-04}'],[OUT,MIL],why='terse nynorsk')
add('t13-trondheim-en','en','I need a travel claim for the sales conference in Trondheim, 25 to 27 November',[TRV_FORM,r'Trondheim','{date:11-25}','{date:11-27}'],[OUT,MIL],why='a sentence with a range')
add('t13-stavanger-en','en','business trip to Stavanger Dec 1-3, please make a travel claim',[TRV_FORM,r'Stavanger','{date:12-01}','{date:12-03}'],[OUT,MIL],why='"Dec 1-3"')

# ---- corrections before the purpose
outlay('c13-belop-nb','nb',['hotell 1 380 kr i går','nei, 1 830 kr'],'hotel',1830,'{date:-1}',nots=['{amount:1380}',purpose_not('nei')],why='the amount corrected')
outlay('c13-dato-nn','nn',['parkering 140 kr i dag','nei, det var i går'],'parking',140,'{date:-1}',nots=['{date:0}',purpose_not('nei')],why='the date corrected, nynorsk')
outlay('c13-kind-nn','nn',['drosje 96 kr i dag','nei, det var buss'],'transport',96,'{date:0}',nots=[purpose_not('nei')],why='the kind corrected, nynorsk')
mileage('c13-km-en','en',['drove 72 km from Oslo to Drammen today','sorry, 62 km'],62,[kr(62)],['{date:0}'],nots=[km(72),purpose_not('sorry')],why='km corrected')
outlay('c13-amount-en','en',['dinner 640 NOK yesterday','actually it was 604'],'meal',604,'{date:-1}',nots=['{amount:640}',purpose_not('actually')],why='"actually it was 604"')

# ---- corrections after the purpose
outlay('c13-etter-belop-nn','nn',['lunsj 285 kr i dag','kundemøte i Ålesund','beløpet var 258 kr'],'meal',258,'{date:0}',[r'kundemøte i Ålesund'],nots=['{amount:285}'],why='the amount corrected after the purpose')
outlay('c13-etter-dato-nb','nb',['taxi til Værnes 320 kr i går','befaring hos kunden','feil dato, det var onsdag'],'taxi',320,'{weekday-before:wed}',[r'befaring hos kunden'],nots=['{date:-1}'],why='the date changed after the purpose')
mileage('c13-etter-km-nb','nb',['kjørte 44 km fra Trondheim til Hommelvik i dag','kundebesøk hos Hemne Trelast','endre til 34 km'],34,[kr(34)],['{date:0}',r'kundebesøk hos Hemne Trelast'],nots=[km(44)],why='"endre til 34 km" after the purpose')
outlay('c13-etter-kind-en','en',['taxi 110 NOK today','meeting with the bank','it was parking, not taxi'],'parking',110,'{date:0}',[r'meeting with the bank'],nots=[],why='the kind corrected after the purpose')

# ---- cancel
add('x13-glem-nb','nb',['lunsj 175 kr i dag','glem det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('glem')],why='"glem det"')
add('x13-slett-nn','nn',['køyrde 15 km til skulen i dag','slett køyringa'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('slett')],why='a trip cancelled by name, nynorsk')
add('x13-delete-en','en',['hotel 1 100 NOK yesterday','delete it'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('delete')],why='"delete it"')
add('x13-reise-en','en',['travel claim for Bergen 1-2 December','cancel the travel claim'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled by name')

# ---- undo
add('u13-angre-nb','nb',['taxi 280 kr i dag','avbryt','nei vent, angre'],[OUT,K['taxi'],field(280)],[],why='"nei vent, angre"')
add('u13-angre-nn','nn',['parkering 70 kr i går','avbryt det','angre'],[OUT,K['parking'],field(70)],[],why='"angre", nynorsk')
add('u13-undo-en','en',['lunch 330 NOK today','cancel','undo'],[OUT,K['meal'],field(330)],[],why='a bare "undo"')

# ---- out of scope
oos('oos13-vaer-nb','nb','blir det snø i Trondheim i morgen?','the weather')
oos('oos13-ferie-nn','nn','kor mange feriedagar har eg att?','holiday days')
oos('oos13-joke-en','en','tell me a joke about accountants','a joke')

# ---- small talk
talk('talk13-hei-nb','nb','heisann! 👋','greeting with an emoji')
talk('talk13-takk-nn','nn','takk skal du ha, du er god','thanks, nynorsk')
talk('talk13-bye-en','en','cheers, have a good weekend','goodbye')

# ---- stretch: harder shapes
add('o13-per-elev-nb','nb','kjøpte is til 24 elever på klasseturen i dag, 25 kr stykket',[OUT,'{amount:600}','{date:0}'],[MIL],why='a price per piece: 24 × 25 (ice cream may be food or other, so the kind is not checked)',stretch=True)
mileage('m13-to-etapper-nn','nn','i dag køyrde eg Trondheim–Orkanger 46 km og vidare til Hemne 52 km',98,[kr(98)],['{date:0}'],why='a trip in two legs: 46 + 52 km',stretch=True)
outlay('c13-minus-en','en',['dinner 1 240 NOK yesterday','take off 240 for the wine, that is private'],'meal',1000,'{date:-1}',nots=['{amount:1240}'],why='a correction as a subtraction: 1 240 − 240',stretch=True)
add('t13-kl-nb','nb','reiseregning Trondheim–Bergen, avreise 2.12 kl. 06.30, hjemkomst 4.12 kl. 21.15',[TRV_FORM,r'Bergen','{date:12-02}','{date:12-04}'],[OUT,MIL],why='departure and return with clock times',stretch=True)
outlay('o13-ord-en','en','parking on the first of December, one hundred and twenty NOK','parking',120,'{date:12-01}',why='the date and the amount in words',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-13.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
