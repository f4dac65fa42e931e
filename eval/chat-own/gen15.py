# Writes cases-15.jsonl: the fifteenth batch, written without reading the code, as a REPRESENTATIVE
# mix of ordinary traffic (like cases-10 to -14), imagining yet other people: a plumber in Bergen who
# drives between jobs all day in nynorsk and Bergen dialect (Laksevåg, Åsane, Knarvik, Sotra, Os,
# "te Sotra"), a teacher in Drammen on school trips with pupils (class bus, museum tickets, a camp
# school), a board member who flies from Kristiansand to board meetings in Oslo (flight, airport
# train, taxi, hotel), a part-time cleaner who writes short English about evening shifts and
# parking (Sandvika, Lysaker), an engineer on an offshore rotation (heliport parking at Flesland and
# Sola, the hotel night before, taxi home, Florø) and an HR person who asks for others ("en nyansatt
# har glemt passordet") and asks about status often. About half is the everyday: one outlay with its
# amount, date and kind, a trip with km and route, a travel claim asked for in a sentence, the bot's
# follow-up questions answered turn by turn, the purpose, filing, a status question, a how-to
# question for the guide. The other half: several expenses at once, corrections before and after the
# purpose, cancel and undo, passengers, round trips, tolls, parking and a ferry on a trip, out of
# scope, greetings and thanks. Dates are relative to the runner's today (Sunday 6 December 2026 when
# written; explicit dates are in late November or early December). The helpers and regexes are
# gen.py's; the sentences are new (checked against the fourteen batches before).
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o15-flytog-nb','nb','Flytoget fra Gardermoen til Oslo S 230 kr i går','transport',230,'{date:-1}',nots=[MIL],why='a board member\'s airport train')
outlay('o15-museum-nb','nb','inngangsbilletter til Teknisk museum for klassen, 1 150 kr fredag','other',1150,'{weekday-before:fri}',why='museum tickets on a school trip are "other"')
outlay('o15-heliport-nb','nb','parkering på Sola heliport 640 kr onsdag','parking',640,'{weekday-before:wed}',why='heliport parking for an offshore rotation')
outlay('o15-skole-emoji-nb','nb','parkering ved Drammensbadet med klassen 40 kr i dag 🙂','parking',40,'{date:0}',why='an emoji after the date')
outlay('o15-typo-nb','nb','parkeing på Bryn 65 kr igår','parking',65,'{date:-1}',why='typo "parkeing", "igår"')
outlay('o15-rordelar-nn','nn','kjøpte rørdelar på Biltema til ein kunde i Åsane, 389 kr i dag','other',389,'{date:0}',why='a plumber\'s parts bought for a job are "other"')
outlay('o15-diesel-nn','nn','fylte diesel på firmabilen i Knarvik, 874 kr i går','fuel',874,'{date:-1}',why='diesel as a verb phrase, nynorsk')
outlay('o15-flesland-nn','nn','parkering på Flesland medan eg var offshore, 1 480 kr 24. november','parking',1480,'{date:11-24}',why='airport parking during a rotation, a dated sentence')
outlay('o15-drosje-nn','nn','drosje frå Florø sentrum til helikopterbasen 262 kr i går','taxi',262,'{date:-1}',nots=[MIL],why='a taxi with its route, nynorsk')
outlay('o15-dialekt-nn','nn','betalte 45 kroner i bompengar te Loddefjord i dag','toll',45,'{date:0}',nots=[MIL],why='Bergen dialect "te", the amount before the kind')
outlay('o15-noaeo-nn','nn','bompengar askoy 38 kr idag','toll',38,'{date:0}',why='phone: lowercase place without æøå')
outlay('o15-cleaner-en','en','hi, I clean the office in Sandvika in the evenings, paid parking 48 kr yesterday','parking',48,'{date:-1}',why='a part-time cleaner\'s parking in a chatty sentence')
outlay('o15-flight-en','en','flight Kristiansand to Oslo for the board meeting, 1 890 NOK on Thursday','transport',1890,'{weekday-before:thu}',nots=[MIL],why='a flight with its route')
outlay('o15-airport-train-en','en','airport express train to Oslo S 230 NOK today','transport',230,'{date:0}',nots=[MIL],why='the airport train in English')
outlay('o15-pupils-en','en','museum tickets for 24 pupils, 2 160 NOK in total on Friday','other',2160,'{weekday-before:fri}',why='a count of pupils beside a total: the total is the amount')
outlay('o15-sola-en','en','parking at the Sola heliport 720 NOK on 30 Nov','parking',720,'{date:11-30}',why='"30 Nov"')

# ---- several expenses in one message
add('l15-klassetur-nb','nb','klassetur i dag: buss 1 450 kr og museumsbilletter 960 kr',[LIST,K['transport'],K['other'],'{amount:1450}','{amount:960}','{date:0}'],[MIL],why='a teacher\'s two expenses after a heading with the day')
add('l15-styre-nb','nb','fly 1 890 kr, Flytoget 230 kr og taxi 189 kr, alt torsdag',[LIST,K['transport'],K['taxi'],'{amount:1890}','{amount:230}','{amount:189}','{weekday-before:thu}'],[MIL],why='a board member\'s three expenses of one day, "alt torsdag"')
add('l15-utreise-nn','nn','før utreise i går: hotell 1 195 kr og middag 329 kr',[LIST,K['hotel'],K['meal'],'{amount:1195}','{amount:329}','{date:-1}'],why='two expenses after a heading with the day')
add('l15-rorlegger-nn','nn','parkering 36 kr og bompengar 57 kr i dag',[LIST,K['parking'],K['toll'],'{amount:36}','{amount:57}','{date:0}'],why='two expenses joined by "og"')
add('l15-board-en','en','Oslo board meeting receipts, Thursday: flight 1,890 NOK, airport train 230 NOK, dinner 540 NOK',[LIST,K['transport'],K['meal'],'{amount:1890}','{amount:230}','{amount:540}','{weekday-before:thu}'],[MIL],why='three expenses after a heading with the day')

# ---- the bot's questions answered, turn by turn
outlay('f15-skole-nb','nb',['må føre parkering ved Drammen museum fra fredag','det kostet 120 kr','klassetur med 6B'],'parking',120,'{weekday-before:fri}',[r'klassetur med 6B'],why='the amount asked for, then the purpose')
outlay('f15-togbillett-nb','nb',['jeg skal registrere en togbillett fra i går','230','styremøte i Oslo'],'transport',230,'{date:-1}',[r'styremøte i Oslo'],why='a bare figure answers the amount')
mileage('f15-fyllingsdalen-nn','nn',['køyrde til ein kunde i Fyllingsdalen i dag','16 km','frå lageret i Laksevåg','reparasjon av varmtvassberedar'],16,[kr(16)],['{date:0}',r'reparasjon av varmtvassberedar'],nots=[purpose_not('frå')],why='a plumber\'s trip finished in the chat')
outlay('f15-heliport-nn','nn',['treng å føre parkering på heliporten frå måndag','det vart 840 kr','utreise til plattforma'],'parking',840,'{weekday-before:mon}',[r'utreise til plattforma'],why='"det vart 840 kr" answers the amount')
outlay('f15-drosje-nn','nn',['tok drosje heim frå Flesland i går kveld','318 kr','heimreise etter rotasjon'],'taxi',318,'{date:-1}',[r'heimreise etter rotasjon'],why='"i går kveld" is yesterday; the amount asked for')
outlay('f15-cleaner-en','en',['I need to put in a parking from yesterday','52 NOK','evening cleaning at the Sandvika office'],'parking',52,'{date:-1}',[r'evening cleaning at the Sandvika office'],why='a cleaner answers turn by turn')
mileage('f15-heliport-en','en',['drove to the heliport at Flesland today','about 27 km','from home in Osøyro','crew change on Gullfaks'],27,[kr(27)],['{date:0}',r'crew change on Gullfaks'],nots=[purpose_not('from')],why='km, start and purpose asked for in turn')

# ---- the purpose given
outlay('p15-styre-nb','nb',['hotell i Oslo 1 690 kr torsdag','styremøte i Oslo'],'hotel',1690,'{weekday-before:thu}',[r'styremøte i Oslo'],why='a board member\'s purpose')
outlay('p15-elevar-nn','nn',['bussbillettar til elevane 840 kr i dag','ekskursjon til Sjøfartsmuseet'],'transport',840,'{date:0}',[r'ekskursjon til Sjøfartsmuseet'],why='a teacher\'s purpose, nynorsk')
outlay('p15-cleaner-en','en',['parking 48 NOK today','cleaning shift at Lysaker'],'parking',48,'{date:0}',[r'cleaning shift at Lysaker'],why='a cleaner\'s purpose')
outlay('p15-offshore-en','en',['hotel at Sola 1,390 NOK on Wednesday','night before the helicopter to Johan Sverdrup'],'hotel',1390,'{weekday-before:wed}',[r'night before the helicopter to Johan Sverdrup'],why='the purpose names the night before going offshore')

# ---- the claim filed
add('x15-rorlegger-nn','nn',['parkering i Åsane 42 kr i dag','servicejobb hjå kunde','send inn'],[FILED],[],why='outlay, purpose, "send inn"')
add('x15-skole-nb','nb',['museumsbilletter 640 kr fredag','ekskursjon med 8C','send den inn takk'],[FILED],[],why='"send den inn takk"')
add('x15-board-en','en',['airport train 230 NOK today','board meeting in Oslo','please file it'],[FILED],[],why='"please file it"')
add('x15-cleaner-en','en',['parking 60 kr yesterday','cleaning','ok submit'],[FILED],[],why='a terse English flow')
add('x15-utreise-nn','nn',['køyrde 62 km frå Førde til Florø heliport i går','utreise til Snorre','send inn no'],[FILED],[],why='a trip to the heliport, filed with "send inn no"')
add('x15-emoji-nb','nb',['taxi 245 kr idag','styremote','send inn 👍'],[FILED],[],why='no æøå in the purpose, an emoji after "send inn"')

# ---- claims questions (a new user has none)
st('s15-godkjent-nb','nb','er noe av det jeg har sendt inn blitt godkjent?','whether anything filed is approved')
st('s15-utbetalt-nn','nn','har eg nokre utlegg som ikkje er utbetalte enno?','unpaid outlays, nynorsk')
st('s15-updates-en','en','any updates on my claims?','updates on claims')
add('s15-etter-nb','nb',['bompenger 57 kr i dag','kundebesøk','send inn','hvor langt har den kommet?'],[FILED,STATE],[],why='status right after filing, "hvor langt har den kommet"')
add('s15-etter-nn','nn',['parkering på heliporten 560 kr i dag','utreise','send inn','er kravet godkjent no?'],[FILED,STATE],[],why='status right after filing, nynorsk')
add('s15-after-en','en',['taxi 198 NOK today','board meeting','submit','has it been approved yet?'],[FILED,STATE],[],why='approval of the claim just filed')

# ---- help (the guide's section is cited), often asked for someone else
hp('h15-nyansatt-nb','nb','en nyansatt har glemt passordet sitt, hva skal hun gjøre?',r'3|1',r'connect\.visma\.com','HR asks for a new hire: forgotten password (3)')
hp('h15-activation-en','en','a new employee never got the activation email – who is it sent from?',r'1',r'do\.not\.reply@visma\.net','HR asks: the sender of the activation e-mail (1)')
hp('h15-app2019-en','en','my colleague has had the Attach app since 2019, does she need to reinstall it?',r'4|4\.1',r'2020','an app from before 2020 is downloaded again (4)')
hp('h15-parkering-kjorebok-nb','nb','en kollega spør om parkering kan tas med i kjøreboka, stemmer det?',r'5\.1|5\.2',r'utlegg|outlay','parking on a mileage log is an outlay (5.1); a question, no parking outlay')
hp('h15-diett-nn','nn','når har ein krav på diettpengar?',r'5\.4|5',r'arbeidstid|working hours|diett\w*|per diem','per diem (5.4)')
hp('h15-comment-en','en','what should I write in the comment field in Attach?',r'4\.1|4',r'comment\w*|kommentar\w*','the comment field (4.1)')
add('h15-midt-nb','nb',['parkering 65 kr i dag','hvor laster jeg ned Attach-appen?'],[cites(r'4|4\.1'),'{amount:65}'],[purpose_not('hvor')],why='a how-to question while the outlay waits: answered, the draft kept')
add('h15-hr-en','en','I work in HR – what can this bot do for our employees?',[CAN],[ANY],why='what the bot can do, asked for others')
add('r15-km-nn','nn','kor mykje er kilometersatsen for privatbil i år?',[r'5[.,]30'],[ANY],why='the 2026 car rate')
add('r15-passasjer-nb','nb','hva er passasjertillegget per km?',[r'1[.,]00'],[ANY],why='the passenger rate')

# ---- mileage
mileage('m15-kongsberg-nb','nb','kjørte til Kongsberg og tilbake i går, 40 km hver vei',80,[kr(80)],['{date:-1}'],nots=[km(160)],why='"40 km hver vei" doubles')
mileage('m15-hokksund-nb','nb','kjøring Drammen–Hokksund t/r i dag, 46 km til sammen',46,[kr(46)],['{date:0}'],nots=[km(92)],why='"46 km til sammen" is the whole round trip')
mileage('m15-noaeo-nb','nb','kjorte fra drammen til asker 27 km fredag',27,[kr(27)],['{weekday-before:fri}'],why='phone: lowercase route, no æøå')
mileage('m15-jobbar-nn','nn','køyrde mellom tre jobbar i dag, 48 km til saman',48,[kr(48)],['{date:0}'],why='a plumber\'s day between jobs; "tre" counts jobs, not km')
mileage('m15-os-nn','nn','køyrde til Os og heim att måndag, 29 km kvar veg',58,[kr(58)],['{weekday-before:mon}'],nots=[km(116)],why='"heim att … kvar veg" doubles')
mileage('m15-voss-nn','nn','køyrde 118 km frå Voss til Flesland helikopterterminal i går',118,[kr(118)],['{date:-1}'],why='an offshore worker driving to the heliport')
mileage('m15-sotra-nn','nn','kjørte te Sotra i dag, 22 km',22,[kr(22)],['{date:0}'],why='Bergen dialect "te", the km last')
mileage('m15-sola-en','en','drove from Sandnes to the Sola heliport today, 19 km one way',19,[kr(19)],['{date:0}'],nots=[km(38)],why='"one way" is not doubled')
mileage('m15-cleaner-en','en','drove 12 km to the Lysaker office for my cleaning shift yesterday',12,[kr(12)],['{date:-1}'],why='a cleaner\'s short trip')
mileage('m15-lier-en','en','drove to a school in Lier and back on Friday, 18 km each way',36,[kr(36)],['{weekday-before:fri}'],nots=[km(72)],why='"18 km each way" doubles')

# ---- mileage with passengers
mileage('m15-heidi-nb','nb','kjørte 64 km til Kongsberg i dag med kollega Heidi',64,[kr(64),amt(kr(64)+64)],[r'\bHeidi\b','{date:0}'],why='"med kollega Heidi"')
mileage('m15-sondre-nn','nn','køyrde 45 km frå Bergen til Osøyro i går, lærling Sondre var med',45,[kr(45),amt(kr(45)+45)],[r'\bSondre\b','{date:-1}'],why='a passenger who "var med"')
mileage('m15-ola-kim-en','en','drove 118 km from Stavanger to Egersund today, Ola and Kim rode along',118,[kr(118),amt(kr(118)+236)],[r'\bOla\b',r'\bKim\b','{date:0}'],why='two passengers "rode along": 625.40 + 236')
add('mf15-mathias-nn','nn',['køyrde 27 km frå Åsane til Knarvik i dag','lærlingen Mathias sat på'],[MIL,km(27),r'\bMathias\b','{amount:%s}' % kr(27),'{amount:%s}' % amt(kr(27)+27)],[OUT,purpose_not('lærlingen')],why='a passenger told after the trip')

# ---- tolls, parking and a ferry added to a trip
add('mf15-bom-nn','nn',['køyrde 31 km frå Laksevåg til Åsane i dag','bompengar 38 kr'],[MIL,K['toll'],km(31),'{amount:38}','{amount:%s}' % amt(kr(31)+38)],[OUT,purpose_not('bompengar')],why='a toll after the trip goes on it')
add('mf15-ferje-nb','nb',['kjørte 74 km fra Drammen til Horten i går','ferje 196 kr'],[MIL,K['ferry'],km(74),'{amount:196}','{amount:%s}' % amt(kr(74)+196)],[OUT,purpose_not('ferje')],why='a ferry after the trip goes on it')
add('mf15-parking-en','en',['drove 27 km from Osøyro to the Flesland heliport today','heliport parking was 560 NOK'],[MIL,K['parking'],km(27),'{amount:560}','{amount:%s}' % amt(kr(27)+560)],[OUT,purpose_not('heliport')],why='parking after the trip goes on it')
add('mf15-send-nb','nb',['kjørte 48 km fra Drammen til Sandvika i dag','bom 64 kr','kurs for tillitsvalgte','send inn'],[FILED],[],why='a trip, its toll, the purpose, filed')

# ---- travel claims asked for in a sentence
add('t15-styre-nb','nb','kan du lage en reiseregning for styremøtet i Oslo 26.–27. november?',[TRV_FORM,r'Oslo','{date:11-26}','{date:11-27}'],[OUT,MIL],why='a request asked as a question, a range with a dash')
add('t15-leirskole-nb','nb','reiseregning for leirskole på Hovden 30. november til 2. desember',[TRV_FORM,r'Hovden','{date:11-30}','{date:12-02}'],[OUT,MIL],why='a teacher\'s camp school across two months')
add('t15-kurs-nn','nn','treng reiserekning for kurs i Stavanger 1.–3. desember',[TRV_FORM,r'Stavanger','{date:12-01}','{date:12-03}'],[OUT,MIL],why='terse nynorsk')
add('t15-forde-nn','nn','eg var på fagsamling i Førde frå 24. til 25. november, kan du setje opp reiserekning?',[TRV_FORM,r'Førde','{date:11-24}','{date:11-25}'],[OUT,MIL],why='the trip first, the request after')
add('t15-board-en','en','travel claim for the board meeting in Oslo, 26-27 November',[TRV_FORM,r'Oslo','{date:11-26}','{date:11-27}'],[OUT,MIL],why='a board member\'s travel claim')
add('t15-perdiem-en','en','I need per diem for my trip to Trondheim from 30 November to 2 December',[TRV_FORM,r'Trondheim','{date:11-30}','{date:12-02}'],[OUT,MIL],why='per diem asked for is a travel claim')

# ---- corrections before the purpose
outlay('c15-belop-nb','nb',['flybillett 1 980 kr torsdag','nei, den kostet 1 890'],'transport',1890,'{weekday-before:thu}',nots=['{amount:1980}',purpose_not('nei')],why='the amount corrected, swapped digits')
outlay('c15-dato-nb','nb',['parkering 120 kr i dag','det var fredag, ikke i dag'],'parking',120,'{weekday-before:fri}',nots=['{date:0}',purpose_not('det var')],why='the date corrected to a weekday')
mileage('c15-km-nn','nn',['køyrde 19 km frå Fyllingsdalen til Nesttun i dag','nei, 21 km'],21,[kr(21)],['{date:0}'],nots=[km(19),purpose_not('nei')],why='km corrected, nynorsk')
outlay('c15-kind-nn','nn',['parkering 57 kr i dag','feil, det var bompengar'],'toll',57,'{date:0}',nots=[purpose_not('feil')],why='the kind corrected')
outlay('c15-amount-en','en',['parking at the heliport 650 NOK today','sorry, typo – 560'],'parking',560,'{date:0}',nots=['{amount:650}',purpose_not('sorry')],why='the amount corrected after "typo"')
outlay('c15-date-en','en',['airport train 250 NOK today','that was on Thursday actually'],'transport',250,'{weekday-before:thu}',nots=['{date:0}',purpose_not('that was')],why='the date corrected to a weekday')

# ---- corrections after the purpose
outlay('c15-etter-belop-nn','nn',['middag på hotellet 329 kr i går','kveld før utreise','beløpet var 392, ikkje 329'],'meal',392,'{date:-1}',[r'kveld før utreise'],nots=['{amount:329}'],why='the amount corrected after the purpose')
outlay('c15-etter-dato-nb','nb',['bussbillett 1 450 kr i dag','klassetur til Oslo','datoen skal være fredag'],'transport',1450,'{weekday-before:fri}',[r'klassetur til Oslo'],nots=['{date:0}'],why='the date corrected after the purpose')
mileage('c15-etter-km-en','en',['drove 14 km from home to the Lysaker office today','cleaning shift','actually it was 16 km'],16,[kr(16)],['{date:0}',r'cleaning shift'],nots=[km(14)],why='km corrected after the purpose')
outlay('c15-etter-kind-en','en',['taxi 240 NOK today','board meeting','no wait, it was the airport train, not a taxi'],'transport',240,'{date:0}',[r'board meeting'],why='the kind corrected after the purpose')
outlay('c15-etter-formal-nb','nb',['parkering 90 kr i går','kundebesøk','kan du endre formålet til styremøte?'],'parking',90,'{date:-1}',[r'styremøte'],nots=[purpose_not('kundebesøk')],why='the purpose changed, asked as a question')

# ---- cancel
add('x15-avbryt-nb','nb',['taxi 189 kr torsdag','avbryt, styret betaler den'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('avbryt')],why='cancel with a reason after it')
add('x15-slett-nn','nn',['bompengar i Åsane 47 kr i dag','slett det utlegget'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('slett')],why='"slett det utlegget"')
add('x15-cancel-en','en',['drove 12 km to Lysaker today','cancel, I already logged that one'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('cancel')],why='a trip cancelled with a reason')
add('x15-reise-en','en',['travel claim for Stavanger 1-3 December','cancel the travel claim'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled by name')

# ---- undo
add('u15-oi-nb','nb',['museumsbilletter 480 kr i dag','avbryt','oi, angre'],[OUT,K['other'],field(480)],[],why='"oi, angre" brings the draft back')
add('u15-likevel-nn','nn',['parkering 42 kr i dag','slett','angre, eg treng han likevel'],[OUT,K['parking'],field(42)],[],why='undo with a reason')
add('u15-bring-en','en',['hotel 1 195 NOK yesterday','delete','oops, bring it back please'],[OUT,K['hotel'],field(1195)],[],why='"bring it back please"')

# ---- out of scope
oos('oos15-helikopter-nn','nn','kan du sjekke om helikopteret til plattforma går i morgon?','a helicopter departure is no outlay')
oos('oos15-museum-nb','nb','hva er åpningstidene til Teknisk museum på søndager?','museum opening hours are no museum tickets')
oos('oos15-vacation-en','en','how many vacation days do I have left this year?','holidays are no claims')

# ---- small talk
talk('talk15-hei-nn','nn','hei, korleis går det med deg?','greeting')
talk('talk15-takk-nb','nb','tusen takk, det var til stor hjelp 👍','thanks with an emoji')
talk('talk15-weekend-en','en','cheers mate, have a good weekend','thanks and goodbye')

# ---- stretch: harder shapes
add('l15-two-days-en','en','parking 48 on Monday and 48 on Tuesday',[LIST,K['parking'],'{amount:48}','{weekday-before:mon}','{weekday-before:tue}'],[],why='the same kind twice with a day each, the kind said once',stretch=True)
outlay('o15-elever-nb','nb','museumsbilletter til 26 elever à 45 kr i går','other',1170,'{date:-1}',why='a price per pupil: 26 × 45 = 1 170',stretch=True)
mileage('m15-kilometerstand-nn','nn','køyrde til kundar i dag, kilometerstand 45 210 om morgonen og 45 268 om kvelden',58,[kr(58)],['{date:0}'],why='odometer readings: 45 268 − 45 210 = 58 km',stretch=True)
add('t15-klokke-nb','nb','reiseregning for Oslo, fløy ut kl 06.40 torsdag og var hjemme igjen fredag kl 21.15',[TRV_FORM,r'Oslo','{weekday-before:thu}','{weekday-before:fri}'],[OUT,MIL],why='departure and return told with weekdays and clock times',stretch=True)
outlay('c15-to-fakta-en','en',['hotel 1 290 NOK Tuesday','night before the helicopter','it was Wednesday and 1 390'],'hotel',1390,'{weekday-before:wed}',[r'night before the helicopter'],nots=['{amount:1290}'],why='the date and the amount corrected in one message after the purpose',stretch=True)
outlay('o15-halv-nb','nb','delte taxi med et annet styremedlem i går, 420 kr totalt, min del er halvparten','taxi',210,'{date:-1}',why='a shared taxi: half of 420',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-15.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
