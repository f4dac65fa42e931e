# Writes cases-14.jsonl: the fourteenth batch, written without reading the code, as a REPRESENTATIVE
# mix of ordinary traffic (like cases-10 to -13), imagining yet other people: a home-care nurse in
# Hedmarken visiting patients by car (Hamar, Ottestad, Løten, Stange, Elverum, hospital parking), a
# sales rep in Agder with many small tolls (Kristiansand, Lillesand, Grimstad, Arendal, Mandal,
# Vennesla), a researcher at conferences abroad paying in GBP and EUR (Edinburgh, Amsterdam), a
# trainee who writes long polite messages ("Beklager hvis dette er feil sted å spørre …", "Could you
# please …? Thank you very much!"), an older employee on Sunnmøre who writes whole nynorsk sentences
# without emoji ("Eg køypte ein bussbillett til Volda i går. Han kosta 146 kroner.") and someone in
# Vestfold typing on the phone with typos and no æøå ("parkring tonsberg brygge 45kr idag"). About
# half is the everyday: one outlay with its amount, date and kind, a trip with km and route, a travel
# claim asked for in a sentence, the bot's follow-up questions answered turn by turn, the purpose,
# filing, a status question, a how-to question for the guide. The other half: several expenses at
# once, corrections before and after the purpose, cancel and undo, passengers, round trips, tolls,
# parking and ferries on a trip, out of scope, greetings and thanks. Dates are relative to the
# runner's today (Sunday 6 December 2026 when written; explicit dates are in late November or early
# December). The helpers and regexes are gen.py's; the sentences are new (checked against the
# thirteen batches before).
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
GBP = r'\bGBP\b|£'
EUR = r'\bEUR\b|€'

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o14-sykehus-nb','nb','parkering ved Sykehuset Innlandet på Hamar 62 kr i dag','parking',62,'{date:0}',why='a nurse\'s hospital parking')
outlay('o14-bomring-nb','nb','bompassering i Kristiansand 29 kr i dag','toll',29,'{date:0}',nots=[MIL],why='a sales rep\'s single toll')
outlay('o14-ferje-nn','nn','ferje Folkestad–Volda 94 kr i dag','ferry',94,'{date:0}',nots=[MIL],why='a ferry with its route, nynorsk')
outlay('o14-orsta-nn','nn','middag med samarbeidspartnarar i Ørsta 745 kr i går','meal',745,'{date:-1}',why='a nynorsk dinner')
outlay('o14-buss-nn','nn','bussbillett frå Nordfjordeid til Stryn 98 kr i går','transport',98,'{date:-1}',nots=[MIL],why='a bus ticket with its route, nynorsk')
outlay('o14-diesel-nn','nn','diesel til tenestebilen 956 kr tysdag','fuel',956,'{weekday-before:tue}',why='diesel for the service car, "tysdag"')
outlay('o14-edinburgh-en','en','taxi from Edinburgh Waverley to the conference centre £14.60 yesterday','taxi',14.6,'{date:-1}',[GBP],nots=[MIL],why='a researcher abroad: a taxi in pounds')
outlay('o14-amsterdam-en','en','hotel in Amsterdam 389 EUR on 2 December','hotel',389,'{date:12-02}',[EUR],why='a conference hotel in euros')
outlay('o14-schiphol-en','en','train ticket from Schiphol to Amsterdam Centraal 5.90 EUR on Monday','transport',5.9,'{weekday-before:mon}',[EUR],nots=[MIL],why='a small train ticket in euros')
outlay('o14-parking-en','en','parking at the Kristiansand office 75 NOK today','parking',75,'{date:0}',why='the plainest English parking')
outlay('o14-fee-en','en','conference registration fee 450 EUR today','other',450,'{date:0}',[EUR],why='a conference fee is "other"')

# ---- one outlay: the phone typist, the trainee, the older writer, mixed language
outlay('o14-mobil-nb','nb','parkring tonsberg brygge 45kr idag','parking',45,'{date:0}',why='phone: a typo, lowercase, "45kr", "idag"')
outlay('o14-trainee-nb','nb','Hei! Beklager hvis dette er feil sted å spørre, men jeg er trainee og betalte 120 kr for parkering hos en kunde i dag. Kan jeg føre det her? Tusen takk på forhånd!','parking',120,'{date:0}',why='a trainee\'s long polite message')
outlay('o14-eldre-nb','nb','Jeg hadde en middag med en kunde på Hamar i forgårs, og regningen var på 1 120 kroner.','meal',1120,'{date:-2}',why='a whole sentence, "i forgårs", "kroner"')
outlay('o14-elverum-nb','nb','måtte parkere ved sykehuset på Elverum da jeg hentet en pasient i går, 54 kr','parking',54,'{date:-1}',why='a nurse\'s parking told as a story')
outlay('o14-eldre-nn','nn','Eg køypte ein bussbillett til Volda i går. Han kosta 146 kroner.','transport',146,'{date:-1}',nots=[MIL],why='two whole nynorsk sentences, the amount after "Han kosta"')
outlay('o14-mobil-nn','nn','parkering ved legekontoret i orsta 40kr i dag','parking',40,'{date:0}',why='nynorsk on the phone, no æøå')
outlay('o14-eldre-hotell-nn','nn','Eg budde på hotell i Ålesund i førgårs. Rekninga kom på 1 480 kroner.','hotel',1480,'{date:-2}',why='"i førgårs", whole sentences')
outlay('o14-trainee-en','en',"Good afternoon, I hope I am asking in the right place. I took a taxi from the station to the client's office this morning and it cost 212 NOK. Could you please help me register it? Thank you very much!",'taxi',212,'{date:0}',nots=[MIL],why='a trainee\'s long polite message')
outlay('o14-mix-en','en','paid 19 kr for bompassering in Grimstad today','toll',19,'{date:0}',nots=[MIL],why='a Norwegian word in English')

# ---- several expenses in one message
add('l14-bommer-nb','nb','bompasseringer i dag: Kristiansand 29 kr, Lillesand 24 kr og Grimstad 19 kr',[LIST,K['toll'],'{amount:29}','{amount:24}','{amount:19}','{date:0}'],[MIL],why='a sales rep\'s three tolls of one day')
add('l14-mobil-nb','nb','taxi 245 + lunsj 189 igar',[LIST,K['taxi'],K['meal'],'{amount:245}','{amount:189}','{date:-1}'],why='phone: "+" between two expenses without "kr"')
add('l14-to-dager-nb','nb','hotell 1 390 kr torsdag og taxi til flyplassen 410 kr fredag',[LIST,K['hotel'],K['taxi'],'{amount:1390}','{amount:410}','{weekday-before:thu}','{weekday-before:fri}'],why='a day for each expense')
add('l14-stryn-nn','nn','hotell 1 290 kr, middag 510 kr og parkering 160 kr i Stryn onsdag',[LIST,K['hotel'],K['meal'],K['parking'],'{amount:1290}','{amount:510}','{amount:160}','{weekday-before:wed}'],why='three expenses of one day, nynorsk')
add('l14-eldre-nn','nn','Eg har to utlegg frå i går: ferjebillett til 118 kroner og lunsj til 205 kroner.',[LIST,K['ferry'],K['meal'],'{amount:118}','{amount:205}','{date:-1}'],why='an older writer\'s whole sentence with two expenses')
add('l14-edinburgh-en','en','Edinburgh receipts from yesterday: taxi £18.20, dinner £42.50, train £7.80',[LIST,K['taxi'],K['meal'],K['transport'],'{amount:18.2}','{amount:42.5}','{amount:7.8}','{date:-1}'],why='three expenses in pounds after a colon')
add('l14-breakfast-en','en','hotel 2 150 NOK and breakfast 185 NOK on Tuesday',[LIST,K['hotel'],K['meal'],'{amount:2150}','{amount:185}','{weekday-before:tue}'],why='breakfast is a meal')

# ---- the bot's questions answered, turn by turn
outlay('f14-sykehus-nb','nb',['må registrere parkering ved sykehuset i dag','48 kr','henting av medisiner til pasient'],'parking',48,'{date:0}',[r'henting av medisiner til pasient'],why='the amount asked for, then the purpose')
outlay('f14-bom-nb','nb',['skal føre bompenger fra i går','det ble 87 kr til sammen','kundebesøk i Arendal'],'toll',87,'{date:-1}',[r'kundebesøk i Arendal'],why='"det ble 87 kr til sammen" answers the amount')
outlay('f14-eldre-nn','nn',['Eg skal føre ein lunsj frå tysdag.','Rekninga var på 378 kroner.','Møte med styret i sparebanken.'],'meal',378,'{weekday-before:tue}',[r'Møte med styret i sparebanken'],why='an older writer answers in whole sentences')
outlay('f14-gbp-en','en',['I need to claim a dinner from Tuesday','it was 38.50 GBP','conference dinner at the workshop in Edinburgh'],'meal',38.5,'{weekday-before:tue}',[GBP,r'conference dinner at the workshop in Edinburgh'],why='"it was 38.50 GBP" answers the amount')
outlay('f14-trainee-en','en',['Hello! Could I please register a train ticket from yesterday?','It was 249 NOK, sorry for not saying that straight away','onboarding course at the head office'],'transport',249,'{date:-1}',[r'onboarding course at the head office'],why='a trainee answers politely')
mileage('f14-loten-nb','nb',['kjørte til en pasient på Løten i dag','19 km','fra hjemmesykepleien på Hamar','hjemmebesøk'],19,[kr(19)],['{date:0}',r'hjemmebesøk'],nots=[purpose_not('fra')],why='a nurse\'s trip finished in the chat')
mileage('f14-orsta-nn','nn',['køyrde til kunden i Ørsta i går','om lag 12 km','frå kontoret i Volda','vedlikehald av anlegget'],12,[kr(12)],['{date:-1}',r'vedlikehald av anlegget'],nots=[purpose_not('frå')],why='km, start and purpose asked for in turn, nynorsk')
mileage('f14-vennesla-en','en',['drove to a client in Vennesla today','24 km','from the office in Kristiansand','quarterly sales review'],24,[kr(24)],['{date:0}',r'quarterly sales review'],nots=[purpose_not('from')],why='a sales rep\'s trip finished in the chat')

# ---- the purpose given
outlay('p14-seminar-nb','nb',['taxi fra Gardermoen til hotellet 520 kr i går','fagseminar for sykepleiere'],'taxi',520,'{date:-1}',[r'fagseminar for sykepleiere'],why='a nurse\'s purpose')
outlay('p14-eldre-nn','nn',['hotell i Ørsta 1 190 kr i går','Formålet var eit kundemøte med Ørsta Stål.'],'hotel',1190,'{date:-1}',[r'kundemøte med Ørsta Stål'],why='the purpose said in a whole sentence')
outlay('p14-paper-en','en',['conference dinner 64 EUR yesterday','presenting our paper at the workshop'],'meal',64,'{date:-1}',[EUR,r'presenting our paper at the workshop'],why='a researcher\'s purpose')

# ---- the claim filed
add('x14-stange-nb','nb',['parkering ved helsesenteret i Stange 40 kr i dag','hjemmebesøk','send inn'],[FILED],[],why='outlay, purpose, "send inn"')
add('x14-eldre-nn','nn',['Eg køypte ferjebillett for 132 kroner i dag.','Kundemøte i Ålesund.','Ver venleg og send inn kravet.'],[FILED],[],why='filing asked for in a whole polite sentence')
add('x14-mobil-nn','nn',['drosje 176 kr i dag','kundemote','send inn'],[FILED],[],why='a terse nynorsk flow, no æøå in the purpose')
add('x14-edinburgh-en','en',['hotel in Edinburgh 145 GBP yesterday','research workshop','great, please submit it now'],[FILED],[],why='"great, please submit it now"')
add('x14-trainee-en','en',['drove 27 km from Kristiansand to Lillesand today','visit to a new customer','Thank you! Could you please submit it for me?'],[FILED],[],why='a trainee asks politely to file')

# ---- claims questions (a new user has none)
st('s14-ikke-godkjent-nb','nb','har jeg noe som ikke er godkjent ennå?','anything not yet approved')
st('s14-eldre-nn','nn','Kan du fortelje meg kva krav eg har liggjande inne no?','the claims in a whole sentence, nynorsk')
st('s14-status-en','en',"what's the status of my claims?",'the status of all claims')
add('s14-etter-nb','nb',['bompenger 44 kr i dag','kundebesøk i Mandal','send inn','er den sendt til godkjenning nå?'],[FILED,STATE],[],why='status right after filing')
add('s14-etter-nn','nn',['parkering ved helsestasjonen 70 kr i dag','pasientbesøk','send inn','kva er status på kravet no?'],[FILED,STATE],[],why='status right after filing, nynorsk')
add('s14-after-en','en',['taxi 310 NOK yesterday','guest lecture at the university','submit','when will it be paid?'],[FILED,STATE],[],why='payout of the claim just filed')

# ---- help (the guide's section is cited)
hp('h14-aktivering-nb','nb','jeg finner ikke e-posten for aktivering, hvor kan den ha havnet?',r'1|3',r'søppel\w*|spam|connect\.visma\.com','the activation e-mail (1)')
hp('h14-app-nb','nb','hvordan far jeg attach appen pa mobilen',r'4|4\.1',r'Attach','the app, typed on the phone (4)')
hp('h14-formaal-nb','nb','hvorfor blir ikke feltet Formål fylt ut når jeg bruker Attach?',r'5\.2',r'Formål','Attach leaves the purpose empty (5.2)')
hp('h14-passasjer-nn','nn','Korleis legg eg til ein kollega som sat på i bilen når eg fører køyring?',r'5\.3',r'initial\w*','passengers by initials (5.3)')
hp('h14-passord-nn','nn','Kor langt må passordet til Expense vere?',r'1|3',r'\b8\b|åtte|eight','the password\'s length (1)')
hp('h14-brukarnamn-nn','nn','kva er brukarnamnet mitt når eg loggar inn i Expense?',r'1',r'e-?post\w*|e-?mail|mailadress\w*','the username is the e-mail (1)')
hp('h14-vedlegg-en','en','can I attach both the hotel invoice and the conference invitation to one claim in Attach?',r'4\.1|5\.1',r'several|multiple|more than one|both|fleire|flere','several attachments on one claim (4.1)')
hp('h14-perdiem-en','en','I was at a conference abroad for three days, which claim type gives me per diem?',r'5\.4|5',r'travel|reise|per diem|diett\w*','travel is for per diem (5.4)')
add('h14-midt-i-nn','nn',['bompengar 42 kr i går','korleis legg eg ved kvitteringa?'],[cites(r'5\.2|4\.1|4'),'{amount:42}'],[purpose_not('korleis')],why='a how-to question while the outlay waits: answered, the draft kept')
add('h14-kan-nb','nb','Hei, jeg er ny her. Hva kan du hjelpe meg med?',[CAN],[ANY],why='what the bot can do, a newcomer')
add('r14-km-nb','nb','Hvor mye får jeg per kilometer når jeg bruker egen bil?',[r'5[.,]30'],[ANY],why='the 2026 car rate')
add('r14-passenger-en','en','how much extra per km do I get if a colleague rides with me?',[r'1[.,]00'],[ANY],why='the passenger rate')

# ---- commands that open a form
add('n14-utlegg-nn','nn','eg vil føre eit nytt utlegg',[OUT],[MIL],why='the outlay form asked for in a sentence')
add('n14-mileage-en','en','new mileage claim please',[MIL],[OUT],why='the mileage form on command')

# ---- mileage
mileage('m14-ottestad-nb','nb','kjørte 14 km fra Hamar til Ottestad til en pasient i dag',14,[kr(14)],['{date:0}'],why='a nurse\'s short trip')
mileage('m14-mandal-nb','nb','kjørte Kristiansand–Mandal tur/retur i dag, 42 km hver vei',84,[kr(84)],['{date:0}'],nots=[km(168)],why='"42 km hver vei" doubles')
mileage('m14-mobil-nb','nb','kjorte tonsberg-horten t/r igar 48 km totalt',48,[kr(48)],['{date:-1}'],nots=[km(96)],why='phone: lowercase route, "t/r", "48 km totalt" is the whole round trip')
mileage('m14-volda-nn','nn','Eg køyrde 11 km frå Volda til Ørsta i går.',11,[kr(11)],['{date:-1}'],why='a whole nynorsk sentence')
mileage('m14-heim-att-nn','nn','Eg køyrde frå Nordfjordeid til Stryn og heim att torsdag, 37 km kvar veg.',74,[kr(74)],['{weekday-before:thu}'],nots=[km(148)],why='"heim att", "kvar veg" doubles')
mileage('m14-brattvag-nn','nn','køyrde 42 km frå Ålesund til Brattvåg måndag',42,[kr(42)],['{weekday-before:mon}'],why='a weekday, nynorsk')
mileage('m14-evje-en','en','drove 63 km from Kristiansand to Evje yesterday',63,[kr(63)],['{date:-1}'],why='the plainest English trip')
mileage('m14-elverum-en','en','round trip from the office in Hamar to Elverum on Tuesday, 32 km each way',64,[kr(64)],['{weekday-before:tue}'],nots=[km(128)],why='"32 km each way" doubles')
mileage('m14-sandefjord-en','en','drove Tønsberg–Sandefjord and back today, 50 km in total',50,[kr(50)],['{date:0}'],nots=[km(100)],why='"50 km in total" is the whole round trip')

# ---- mileage with passengers
mileage('m14-sindre-nb','nb','kjørte 36 km fra Arendal til Tvedestrand i dag med Sindre',36,[kr(36),amt(kr(36)+36)],[r'\bSindre\b','{date:0}'],why='"med Sindre"')
mileage('m14-synnove-nn','nn','Eg køyrde 80 km frå Volda til Stryn i går, og Synnøve sat på heile vegen.',80,[kr(80),amt(kr(80)+80)],[r'\bSynnøve\b','{date:-1}'],why='a passenger in a whole sentence, nynorsk')
mileage('m14-jonas-en','en','drove 58 km from Hamar to Lillehammer today with my colleague Jonas',58,[kr(58),amt(kr(58)+58)],[r'\bJonas\b','{date:0}'],why='"with my colleague Jonas"')
add('mf14-ingvild-en','en',['drove 27 km from Tønsberg to Sandefjord yesterday','Ingvild was in the car with me'],[MIL,km(27),r'\bIngvild\b','{amount:%s}' % kr(27),'{amount:%s}' % amt(kr(27)+27)],[OUT,purpose_not('Ingvild')],why='a passenger told after the trip')

# ---- tolls, parking and ferries added to a trip
add('mf14-bom-nb','nb',['kjørte 72 km fra Kristiansand til Arendal i går','bompenger 58 kr'],[MIL,K['toll'],km(72),'{amount:58}','{amount:%s}' % amt(kr(72)+58)],[OUT,purpose_not('bompenger')],why='a toll after the trip goes on it')
add('mf14-ferje-nn','nn',['Eg køyrde 58 km frå Volda til Ålesund i dag.','Eg betalte òg 132 kroner for ferja.'],[MIL,K['ferry'],km(58),'{amount:132}','{amount:%s}' % amt(kr(58)+132)],[OUT,purpose_not('Eg betalte')],why='a ferry after the trip, in a whole sentence')
add('mf14-parking-en','en',['drove 34 km from Hamar to Brumunddal today','parking at the clinic was 45 NOK'],[MIL,K['parking'],km(34),'{amount:45}','{amount:%s}' % amt(kr(34)+45)],[OUT,purpose_not('parking')],why='parking after the trip')
add('mf14-mobil-send-nb','nb',['kjorte 52 km fra tonsberg til larvik idag','parkering 60 kr','kundemote','send inn'],[FILED],[],why='phone: a trip, its parking, the purpose, filed')

# ---- travel claims asked for in a sentence
add('t14-oslo-nb','nb','jeg trenger reiseregning for kurs i Oslo 24.–26. november',[TRV_FORM,r'Oslo','{date:11-24}','{date:11-26}'],[OUT,MIL],why='a range with a dash')
add('t14-mobil-nb','nb','reiseregning bergen 30.11-2.12',[TRV_FORM,r'Bergen','{date:11-30}','{date:12-02}'],[OUT,MIL],why='phone: lowercase place, a range of short dates')
add('t14-eldre-nn','nn','Eg var på tenestereise til Trondheim frå 25. til 27. november og vil gjerne føre reiserekning for det.',[TRV_FORM,r'Trondheim','{date:11-25}','{date:11-27}'],[OUT,MIL],why='a travel claim asked for in a whole sentence')
add('t14-alesund-nn','nn','reiserekning for fagdagar i Ålesund 2.–3. desember',[TRV_FORM,r'Ålesund','{date:12-02}','{date:12-03}'],[OUT,MIL],why='terse nynorsk')
add('t14-edinburgh-en','en','I need a travel claim for the conference in Edinburgh, 29 November to 2 December',[TRV_FORM,r'Edinburgh','{date:11-29}','{date:12-02}'],[OUT,MIL],why='a researcher\'s conference abroad')
add('t14-amsterdam-en','en','Hi, could you please help me create a travel claim for my trip to Amsterdam from 1 to 3 December? Many thanks!',[TRV_FORM,r'Amsterdam','{date:12-01}','{date:12-03}'],[OUT,MIL],why='a trainee\'s polite request')

# ---- corrections before the purpose
outlay('c14-mobil-nb','nb',['lunsj 198 kr idag','sorry feil, 189'],'meal',189,'{date:0}',nots=['{amount:198}',purpose_not('sorry')],why='phone: the amount corrected, swapped digits')
outlay('c14-kind-nn','nn',['bompengar 54 kr i går','Orsak, det var ferjebillett og ikkje bompengar.'],'ferry',54,'{date:-1}',nots=[purpose_not('Orsak')],why='the kind corrected in a whole sentence')
mileage('c14-km-nn','nn',['Eg køyrde 36 km frå Volda til Hornindal i dag.','Det var 46 km, ikkje 36.'],46,[kr(46)],['{date:0}'],nots=[km(36),purpose_not('Det')],why='km corrected, nynorsk')
outlay('c14-eur-en','en',['hotel in Amsterdam 412 EUR yesterday','sorry, it was 421 EUR'],'hotel',421,'{date:-1}',[EUR],nots=['{amount:412}',purpose_not('sorry')],why='the amount corrected in euros')
outlay('c14-date-en','en',['taxi 264 NOK today','oh wait, that was on Friday'],'taxi',264,'{weekday-before:fri}',nots=['{date:0}',purpose_not('oh')],why='the date corrected to a weekday')

# ---- corrections after the purpose
outlay('c14-etter-belop-nb','nb',['middag med kunden 846 kr i går','kundemiddag i Arendal','beløpet skulle vært 864 kr'],'meal',864,'{date:-1}',[r'kundemiddag i Arendal'],nots=['{amount:846}'],why='the amount corrected after the purpose')
outlay('c14-etter-kind-nb','nb',['taxi 89 kr idag','kundebesok','nei det var buss ikke taxi'],'transport',89,'{date:0}',[r'kundebes'],why='phone: the kind corrected after the purpose')
outlay('c14-etter-dato-nn','nn',['Eg hadde ein lunsj med ein leverandør i går. Han kosta 412 kroner.','Lunsjmøte med Sunnmøre Trelast.','Datoen er feil, det var måndag.'],'meal',412,'{weekday-before:mon}',[r'Lunsjmøte med Sunnmøre Trelast'],nots=['{date:-1}'],why='the date changed after the purpose, whole sentences')
mileage('c14-etter-km-en','en',['drove 44 km from Hamar to Gjøvik today','patient follow-up','correction, it was 54 km'],54,[kr(54)],['{date:0}',r'patient follow-up'],nots=[km(44)],why='km corrected after the purpose')

# ---- cancel
add('x14-glem-nb','nb',['taxi 310 kr i går','glem den, jeg trykket feil'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('glem')],why='"glem den" with a reason')
add('x14-slett-nn','nn',['Eg køyrde 27 km frå Ørsta til Sæbø i dag.','Eg vil slette den køyringa, ho er ført frå før.'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('Eg vil')],why='a trip cancelled in a whole sentence')
add('x14-cancel-en','en',['hotel in Edinburgh 160 GBP today','please cancel that one, the university pays the hotel'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('please')],why='cancel with a reason after it')
add('x14-reise-nn','nn',['reiserekning for Ålesund 2.–3. desember','avbryt reiserekninga'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled by name')

# ---- undo
add('u14-angre-nb','nb',['parkering 96 kr i dag','slett','angre, den skulle jeg ha'],[OUT,K['parking'],field(96)],[],why='undo with a reason')
add('u14-angre-nn','nn',['bompengar 29 kr i dag','avbryt','Orsak, det var feil. Kan du angre det?'],[OUT,K['toll'],field(29)],[],why='undo asked in whole sentences')
add('u14-undo-en','en',['dinner 52 EUR yesterday','delete that','sorry, undo please'],[OUT,K['meal'],field(52)],[],why='"sorry, undo please"')

# ---- out of scope
oos('oos14-taxi-nb','nb','kan du bestille taxi til meg til kl 15?','booking a taxi is no taxi outlay')
oos('oos14-ferje-nn','nn','Kva tid går siste ferja frå Festøya i kveld?','a ferry timetable is no ferry outlay')
oos('oos14-flight-en','en','can you find me a cheap flight to Edinburgh next week?','booking a flight')

# ---- small talk
talk('talk14-kveld-nb','nb','takk for hjelpen, ha en fin kveld','thanks and goodbye')
talk('talk14-eldre-nn','nn','God kveld, og takk for hjelpa i dag.','thanks in a whole sentence')
talk('talk14-trainee-en','en','Thank you so much for your help, you made this very easy!','a trainee\'s thanks')

# ---- stretch: harder shapes
add('mf14-tre-bommer-nb','nb',['kjørte 72 km fra Kristiansand til Arendal i dag','passerte tre bommer: 29, 24 og 19 kr'],[MIL,K['toll'],km(72),'{amount:%s}' % amt(kr(72)+29+24+19)],[OUT],why='three tolls in one answer go on the trip (as one toll of 72 or three)',stretch=True)
mileage('m14-pasientrunde-nb','nb','kjørte pasientrunde i dag: Hamar–Stange 16 km, Stange–Løten 21 km og Løten–Hamar 14 km',51,[kr(51)],['{date:0}'],why='three legs of one round with their km: 16 + 21 + 14',stretch=True)
mileage('m14-kari-hjem-nb','nb','kjørte Hamar–Elverum t/r i dag, 32 km hver vei, Kari satt på hjem',64,[kr(64),amt(kr(64)+32)],[r'\bKari\b','{date:0}'],why='a passenger on the way home only: 32 of the 64 km',stretch=True)
outlay('o14-siste-nov-nn','nn','parkering på Vigra siste dagen i november, 210 kr','parking',210,'{date:11-30}',why='"siste dagen i november" is 30 November',stretch=True)
outlay('o14-hours-en','en','parked 2.5 hours at the client today, 40 NOK an hour','parking',100,'{date:0}',why='a price per hour times the hours: 2.5 × 40',stretch=True)
add('mf14-ferje-kvar-veg-nn','nn',['Eg køyrde frå Ørsta til Ålesund og heim att i dag, 45 km kvar veg.','Ferja kosta 132 kroner kvar veg.'],[MIL,K['ferry'],km(90),'{amount:%s}' % amt(kr(90)+264)],[OUT],why='a ferry paid each way on a round trip: 2 × 132',stretch=True)
add('t14-29th-en','en','travel claim for London from the 29th to the 2nd',[TRV_FORM,r'London','{date:11-29}','{date:12-02}'],[OUT,MIL],why='a range across the month by day numbers alone',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-14.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
