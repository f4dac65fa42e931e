# Writes cases-11.jsonl: the eleventh batch, written before any change it leads to and without
# reading the code, as a REPRESENTATIVE mix of ordinary traffic (like cases-10), but imagining other
# people: a field technician on the road (terse, tolls, a van), a consultant abroad (DKK, SEK,
# Copenhagen), a manager who writes very briefly ("send inn takk"), a new employee unsure of the
# words ("not sure how this works …"), a nynorsk writer from Vestlandet (Stord, Førde, Sogndal,
# ferries) and an English-speaking expat (mixed words: "bompenger", "flyplass"). About half is the
# everyday: one outlay with its amount, date and kind, a trip with km and route, a travel claim asked
# for in a sentence, the bot's follow-up questions answered turn by turn, the purpose, filing, a
# status question, a how-to question for the guide. The other half: several expenses at once,
# corrections before and after the purpose, cancel and undo, passengers, round trips, tolls and
# parking on a trip, out-of-scope, small talk, typos, missing æøå, dialect, emoji, mixed language.
# Dates are relative to the runner's today (Sunday 6 December 2026 when written; explicit dates are
# in late November or early December). The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o11-parkering-nb','nb','parkering på Gardermoen 389 kr i går','parking',389,'{date:-1}',why='airport parking, "i går"')
outlay('o11-taxi-nb','nb','taxi fra hotellet til Nydalen 214 kr onsdag','taxi',214,'{weekday-before:wed}',nots=[MIL],why='a taxi with a route and a weekday')
outlay('o11-lunsj-nb','nb','lunsj med ny kollega 356 kr i dag','meal',356,'{date:0}',why='a lunch with a colleague')
outlay('o11-bensin-nb','nb','bensin 812 kr på Circle K i går','fuel',812,'{date:-1}',why='petrol with the station')
outlay('o11-hotell-nb','nb','hotellnatt i Kristiansand 1 345 kr 1. desember','hotel',1345,'{date:12-01}',why='"hotellnatt", "1. desember"')
outlay('o11-kai-nn','nn','parkering ved kaien i Ålesund 64 kr i dag','parking',64,'{date:0}',why='nynorsk parking at the quay')
outlay('o11-flesland-nn','nn','drosje til Flesland 512 kr i går','taxi',512,'{date:-1}',nots=[MIL],why='a nynorsk taxi to the airport')
outlay('o11-overnatting-nn','nn','overnatting på Quality i Førde, 1 290 kr, 3. desember','hotel',1290,'{date:12-03}',why='"overnatting" with the hotel and a date')
outlay('o11-bom-nn','nn','bompengar 57 kr i dag på veg til kunden','toll',57,'{date:0}',nots=[MIL],why='a toll on the way, no trip')
outlay('o11-kurs-lunsj-nn','nn','lunsj på kurset, 185 kr onsdag','meal',185,'{weekday-before:wed}',why='a lunch with a comma before the amount')
outlay('o11-airport-en','en','parking at Bergen airport 420 NOK yesterday','parking',420,'{date:-1}',why='the plainest English parking')
outlay('o11-taxi-en','en','taxi from Oslo S to Fornebu, 390 NOK on Wednesday','taxi',390,'{weekday-before:wed}',nots=[MIL],why='a taxi with a route, "on Wednesday"')
outlay('o11-tog-nn','nn','tog frå Arna til Bergen 48 kr i dag','transport',48,'{date:0}',nots=[MIL],why='a short train ride with its route, nynorsk')
outlay('o11-van-en','en','diesel for the van 935 NOK Friday','fuel',935,'{weekday-before:fri}',why='a technician fuelling the van')
outlay('o11-dkk-en','en','hotel in Copenhagen 1 850 DKK on 1 December','hotel',1850,'{date:12-01}',[r'\bDKK\b'],why='a consultant abroad: a foreign currency')
outlay('o11-sek-nb','nb','taxi i Stockholm 310 SEK i går','taxi',310,'{date:-1}',[r'\bSEK\b'],why='a taxi abroad in SEK')

# ---- one outlay: typos, missing æøå, dialect, emoji, mixed language
outlay('o11-typo-nb','nb','parkerng på Rikshospitalet 120 kr i dag','parking',120,'{date:0}',why='a typo of "parkering"')
outlay('o11-uten-aeoe-nn','nn','overnatting pa hotell i Floro 1 150 kr torsdag','hotel',1150,'{weekday-before:thu}',why='no æøå ("pa", "Floro")')
outlay('o11-taxi-emoji-en','en','🚕 cab to the office 185 NOK this morning','taxi',185,'{date:0}',why='a taxi emoji first, "this morning"')
outlay('o11-dialekt-nb','nb','æ betalt 97 kr i bom på vei tel Stjørdal i dag','toll',97,'{date:0}',nots=[MIL],why='Trøndelag dialect: "æ betalt", "tel"')
outlay('o11-lagde-ut-nn','nn','Eg lagde ut for parkering på Stord i går, 70 kr','parking',70,'{date:-1}',why='"lagde ut for", Vestlandet')
outlay('o11-bompenger-en','en','paid 48 kr for bompenger this morning','toll',48,'{date:0}',why='an expat: a Norwegian word in English')
outlay('o11-business-lunch-nb','nb','hadde en business lunch med leverandøren i dag, 540 kr','meal',540,'{date:0}',why='English words in a Norwegian sentence')
outlay('o11-ferje-emoji-nn','nn','ferje Halhjem–Sandvikvåg i dag 🚢 212 kr','ferry',212,'{date:0}',nots=[MIL],why='a ferry with its route and an emoji')
outlay('o11-unsure-en','en','hi, not sure how this works – I paid 75 NOK for parking at the client today','parking',75,'{date:0}',why='a new employee unsure, the facts after a dash')

# ---- several expenses in one message
add('l11-tre-nb','nb','i dag: taxi 198 kr, lunsj 245 kr og parkering 60 kr',[LIST,K['taxi'],K['meal'],K['parking'],'{amount:198}','{amount:245}','{amount:60}','{date:0}'],why='three expenses after a day heading')
add('l11-tysdag-nn','nn','drosje 310 kr og hotell 1 240 kr, begge på tysdag',[LIST,K['taxi'],K['hotel'],'{amount:310}','{amount:1240}','{weekday-before:tue}'],why='"begge på tysdag"')
add('l11-yesterday-en','en','taxi 275 NOK and dinner 612 NOK yesterday',[LIST,K['taxi'],K['meal'],'{amount:275}','{amount:612}','{date:-1}'],why='two expenses, the day once at the end')
add('l11-bullets-en','en','Expenses from the Bergen trip:\n• airport train 220 NOK\n• taxi 340 NOK\n• hotel 1 490 NOK',[LIST,'{amount:220}','{amount:340}','{amount:1490}'],[MIL],why='a heading and three bullet lines')
add('l11-pluss-nb','nb','bom 52 kr + parkering 140 kr i går',[LIST,K['toll'],K['parking'],'{amount:52}','{amount:140}','{date:-1}'],why='two expenses joined by "+"')

# ---- the bot's questions answered, turn by turn
outlay('f11-parkering-nb','nb',['skal føre en parkering fra i dag','95 kr','befaring hos kunde på Økern'],'parking',95,'{date:0}',[r'befaring hos kunde på Økern'],why='a kind and a day, the amount asked for, then the purpose')
outlay('f11-drosje-nn','nn',['drosje på fredag','ho kosta 287','kundemøte i Sogndal'],'taxi',287,'{weekday-before:fri}',[r'kundemøte i Sogndal'],why='"ho kosta 287" answers the amount')
outlay('f11-dinner-en','en',['need to expense a dinner from Thursday','760','team dinner after the kickoff'],'meal',760,'{weekday-before:thu}',[r'team dinner after the kickoff'],why='a bare figure for the amount')
outlay('f11-hotel-en','en',['hotel night Tuesday','NOK 1 380','workshop in Trondheim'],'hotel',1380,'{weekday-before:tue}',[r'workshop in Trondheim'],why='a terse hotel, "NOK 1 380"')
mileage('f11-drammen-nb','nb',['kjørte til Drammen i går','41 km','fra kontoret i Bjørvika','montering av ladestasjon hos kunde'],41,[kr(41)],['{date:-1}',r'montering av ladestasjon hos kunde'],nots=[purpose_not('fra')],why='km, start and purpose asked for in turn')
mileage('f11-stord-nn','nn',['køyrde til Stord i dag','74 km','frå Bergen','synfaring på verftet'],74,[kr(74)],['{date:0}',r'synfaring på verftet'],nots=[purpose_not('frå')],why='the nynorsk trip finished in the chat')
mileage('f11-honefoss-en','en',['drove to Hønefoss on Monday','it was about 62 km','from the Sandvika office','quarterly review with the dealer'],62,[kr(62)],['{weekday-before:mon}',r'quarterly review with the dealer'],nots=[purpose_not('it was')],why='"it was about 62 km" answers the km')

# ---- the purpose given
outlay('p11-buss-nb','nb',['bussbillett til Lillestrøm 84 kr i dag','messe på Norges Varemesse'],'transport',84,'{date:0}',[r'messe på Norges Varemesse'],why='a bus ticket, then the purpose')
outlay('p11-haukeland-nn','nn',['parkering på Haukeland 110 kr i går','kurs for nye leiarar'],'parking',110,'{date:-1}',[r'kurs for nye leiarar'],why='a nynorsk purpose')
outlay('p11-auditors-en','en',['lunch with the auditors 540 NOK today','year-end audit'],'meal',540,'{date:0}',[r'year-end audit'],why='a short English purpose')

# ---- the claim filed
add('x11-send-nb','nb',['taxi til Fornebu 312 kr i dag','prosjektmøte hos Telenor','send inn'],[FILED],[],why='outlay, purpose, "send inn"')
add('x11-takk-nb','nb',['bom 38 kr i dag','kundebesøk','send inn takk'],[FILED],[],why='a manager: one word purpose, "send inn takk"')
add('x11-mil-nn','nn',['køyrde 58 km frå Haugesund til Stord i går','service på kompressoren','send inn no'],[FILED],[],why='a trip, its purpose, "send inn no"')
add('x11-ja-takk-nn','nn',['parkering hjå kunden på Kokstad 150 kr i går','arbeidsmøte om nytt anlegg','ja takk, send inn'],[FILED],[],why='"ja takk, send inn"')

# ---- claims questions (a new user has none)
st('s11-taxi-nb','nb','er taxikvitteringen min godkjent?','a kind and a state')
st('s11-mine-nb','nb','mine krav','the list command')
st('s11-koyring-nn','nn','er køyringa mi frå førre veke betalt ut?','paid out, a kind, a time, nynorsk')
st('s11-pengar-nn','nn','kva krav har eg ikkje fått pengar for enno?','not paid yet, nynorsk')
st('s11-my-en','en','my claims','the English list command')
st('s11-hotel-en','en','has my hotel expense been approved?','approved, a kind')
add('s11-etter-nn','nn',['drosje til flyplassen 410 kr i dag','kundetur til Oslo','send inn','er kravet godkjent enno?'],[FILED,STATE],[],why='status of the claim just filed, nynorsk')
add('s11-money-en','en',['train to Lillehammer 310 NOK today','audit at the supplier in Lillehammer','submit','when will I get the money for it?'],[FILED,STATE],[],why='"when will I get the money" right after filing')

# ---- help (the guide's section is cited)
hp('h11-kvittering-nb','nb','hvor i Expense laster jeg opp bildet av kvitteringen for et utlegg?',r'5\.2|4\.1|4',r'Legg ved fil|Attach','attaching a receipt (5.2)')
hp('h11-nettlesar-nn','nn','kva nettlesar bør eg bruke til Expense?',r'1',r'Chrome','the browser (1)')
hp('h11-password-en','en','where do I change my password in Expense?',r'2|3',r'Mine opplysning\w*|My details|connect\.visma\.com','changing the password (2)')
hp('h11-gammel-app-nb','nb','må jeg installere Attach-appen på nytt? har brukt den lenge',r'4',r'2020','the app from before 2020 (4)')
hp('h11-kommentar-nn','nn','korleis skriv eg kva vedlegget gjeld i Attach-appen?',r'4\.1',r'kommentar\w*|comment','the comment field (4.1)')
hp('h11-username-en','en','which username do I log in to Expense with?',r'1',r'e-?mail|e-?post','the username is the e-mail (1)')
hp('h11-reise-nb','nb','når skal jeg bruke reiseregning og ikke bare utlegg?',r'5\.4|5',r'diett\w*|per diem','travel is for per diem (5.4)')
hp('h11-fleire-nn','nn','kan eg leggje både parkering og ferjebillett til same reise i appen?',r'4\.1',r'fleire|flere|several','several attachments on one claim (4.1)')
hp('h11-frame-en','en','am I supposed to change anything in the black frame?',r'5\.1',r'rarely|sjeld\w*|never|aldri','the black frame (5.1)')
add('h11-midt-i-en','en',['taxi to the client 230 NOK today','how do I add the receipt photo?'],[cites(r'5\.2|4\.1|4'),'{amount:230}'],[purpose_not('how')],why='a how-to question while the outlay waits: answered, the draft shown again')
add('h11-kan-nn','nn','kva er det du kan gjere for meg?',[CAN],[ANY],why='what the bot can do, nynorsk')
add('r11-km-en','en','how much do I get per km for driving my own car in 2026?',[r'5[.,]30'],[ANY],why='the 2026 car rate')
add('r11-passasjer-nb','nb','hva får man per km for en passasjer?',[r'1[.,]00'],[ANY],why='the passenger rate, 1,00 kr/km')

# ---- commands that open a form
add('n11-utlegg-nb','nb','nytt utlegg',[OUT],[MIL],why='the outlay form on command')
add('n11-travel-en','en','new travel',[TRV],[OUT,MIL],why='the travel form on command')

# ---- mileage
mileage('m11-kongsberg-nb','nb','kjørte 67 km fra Drammen til Kongsberg i dag',67,[kr(67)],['{date:0}'],why='the plainest bokmål trip')
mileage('m11-ski-tr-nb','nb','kjøring kontoret–Ski t/r 2 x 27 km i går',54,[kr(54)],['{date:-1}'],nots=[km(108)],why='"t/r 2 x 27 km" is the whole trip')
mileage('m11-tekniker-nb','nb','kjørte 34 km Lørenskog-Jessheim i dag',34,[kr(34)],['{date:0}'],why='a technician: km first, the route hyphenated')
mileage('m11-odda-nn','nn','køyrde frå Odda til Voss i går, 113 km',113,[kr(113)],['{date:-1}'],why='the km last after a comma')
mileage('m11-sogndal-nn','nn','køyring Førde–Sogndal t/r, 105 km kvar veg, fredag',210,[kr(210)],['{weekday-before:fri}'],why='"105 km kvar veg" doubles')
mileage('m11-rosendal-nn','nn','eg køyrde eigen bil 26 km frå Rosendal til Husnes i dag',26,[kr(26)],['{date:0}'],why='"eigen bil" with the km before the route')
mileage('m11-tonsberg-en','en','drove 96 km from Oslo to Tønsberg today',96,[kr(96)],['{date:0}'],why='the plainest English trip')
mileage('m11-os-en','en','round trip Bergen–Os yesterday, 56 km total',56,[kr(56)],['{date:-1}'],nots=[km(112)],why='"56 km total" is the whole round trip')
mileage('m11-forus-en','en','mileage Stavanger airport to Forus and back, 14 km each way, Thursday',28,[kr(28)],['{weekday-before:thu}'],why='"and back", "14 km each way"')

# ---- mileage with passengers
mileage('m11-marte-nb','nb','kjørte 58 km fra Oslo til Drammen i går, Marte satt på',58,[kr(58),amt(kr(58)+58)],[r'\bMarte\b','{date:-1}'],why='"Marte satt på" after the trip')
mileage('m11-to-nn','nn','køyrde 84 km frå Bergen til Voss i dag saman med Eirik og Synnøve',84,[kr(84),amt(kr(84)+168)],[r'\bEirik\b',r'\bSynnøve\b','{date:0}'],why='two passengers with "saman med"')
mileage('m11-priya-en','en','drove 130 km from Oslo to Hamar yesterday, took Priya with me',130,[kr(130),amt(kr(130)+130)],[r'\bPriya\b','{date:-1}'],why='"took Priya with me"')
add('mf11-jonas-en','en',['drove 47 km from Drammen to Oslo today','my colleague Jonas was in the car'],[MIL,km(47),r'\bJonas\b','{amount:%s}' % kr(47),'{amount:%s}' % amt(kr(47)+47)],[OUT,purpose_not('my colleague')],why='a passenger told after the trip')

# ---- tolls and parking added to a trip
add('mf11-bom-nb','nb',['kjørte fra Sandvika til Gol i dag, 160 km','betalte 86 kr i bom'],[MIL,K['toll'],km(160),'{amount:86}','{amount:%s}' % amt(kr(160)+86)],[OUT,purpose_not('betalte')],why='a toll after the trip goes on it')
add('mf11-parkering-nn','nn',['køyrde 71 km frå Stavanger til Egersund i går','parkering 40 kr der'],[MIL,K['parking'],km(71),'{amount:40}','{amount:%s}' % amt(kr(71)+40)],[OUT,purpose_not('parkering')],why='parking "der" after the trip')
add('mf11-tolls-send-en','en',['drove from Trondheim to Orkanger and back today, 110 km','tolls 74 NOK','maintenance visit','submit'],[FILED],[],why='a round trip, its toll, the purpose, filed')

# ---- travel claims asked for in a sentence
add('t11-bergen-nb','nb','kan du lage en reiseregning for Bergen 23.–25. november?',[TRV_FORM,r'Bergen','{date:11-23}','{date:11-25}'],[OUT,MIL],why='a request with a range')
add('t11-tromso-nb','nb','reiste til Tromsø 30. november og kom hjem 2. desember, trenger reiseregning',[TRV_FORM,r'Tromsø','{date:11-30}','{date:12-02}'],[OUT,MIL],why='departure and return as two days')
add('t11-alesund-nn','nn','treng reiserekning for Ålesund 1.–4. desember',[TRV_FORM,r'Ålesund','{date:12-01}','{date:12-04}'],[OUT,MIL],why='a terse nynorsk request')
add('t11-loen-nn','nn','Eg var på samling i Loen frå 25. til 27. november. Kan du setje opp reiserekning?',[TRV_FORM,r'Loen','{date:11-25}','{date:11-27}'],[OUT,MIL],why='the trip told, then the request')
add('t11-oslo-en','en','travel claim please: Oslo, 18 to 20 November',[TRV_FORM,r'Oslo','{date:11-18}','{date:11-20}'],[OUT,MIL],why='a label, the place, a range')
add('t11-cph-en','en','I need a travel claim for Copenhagen, 24–26 November',[TRV_FORM,r'Copenhagen|København','{date:11-24}','{date:11-26}'],[OUT,MIL],why='a consultant abroad')

# ---- corrections before the purpose
outlay('c11-belop-nb','nb',['taxi til Bislett 176 kr i dag','nei, 167 kr'],'taxi',167,'{date:0}',nots=['{amount:176}',purpose_not('nei')],why='the amount corrected, swapped digits')
outlay('c11-forgars-nn','nn',['middag med kundane 940 kr i går','nei, det var i forgårs'],'meal',940,'{date:-2}',nots=['{date:-1}',purpose_not('nei')],why='the date corrected to "i forgårs"')
outlay('c11-kind-en','en',['parking outside the warehouse 60 NOK today','sorry, it was a toll, not parking'],'toll',60,'{date:0}',nots=[purpose_not('sorry')],why='the kind corrected')
mileage('c11-km-nn','nn',['køyrde 38 km frå Nesttun til Askøy i dag','feil, det var 48 km'],48,[kr(48)],['{date:0}'],nots=[km(38),purpose_not('feil')],why='"feil, det var 48 km"')
outlay('c11-dato-nb','nb',['hotell i Ålesund 1 390 kr i går','feil dato, det var 2.12'],'hotel',1390,'{date:12-02}',nots=['{date:-1}',purpose_not('feil')],why='"feil dato, det var 2.12"')

# ---- corrections after the purpose
outlay('c11-etter-belop-nn','nn',['parkering på flyplassen 290 kr i dag','kundetur til Tromsø','beløpet var eigentleg 240'],'parking',240,'{date:0}',[r'kundetur til Tromsø'],nots=['{amount:290}'],why='the amount corrected after the purpose')
outlay('c11-etter-belop-en','en',['dinner with the client 860 NOK yesterday','quarterly business review','actually it was 680'],'meal',680,'{date:-1}',[r'quarterly business review'],nots=['{amount:860}'],why='"actually it was 680" after the purpose')
mileage('c11-etter-km-nb','nb',['kjørte 64 km fra Sarpsborg til Moss i dag','levering av utstyr','oi, skulle stått 46 km'],46,[kr(46)],['{date:0}',r'levering av utstyr'],nots=[km(64)],why='the km corrected after the purpose')
outlay('c11-etter-dato-en','en',['taxi home late from the office 240 NOK today','team offsite','please set the date to Friday'],'taxi',240,'{weekday-before:fri}',[r'team offsite'],nots=['{date:0}'],why='the date changed after the purpose')

# ---- cancel
add('x11-glem-nb','nb',['parkering i Bjørvika-garasjen 80 kr i dag','glem det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('glem')],why='"glem det"')
add('x11-koyring-nn','nn',['køyrde 33 km frå Sandnes til Bryne i dag','nei, avbryt den køyringa'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('nei')],why='a trip cancelled by name')
add('x11-nevermind-en','en',['taxi to the depot 199 NOK yesterday','never mind, cancel this one'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('never')],why='"never mind, cancel this one"')
add('x11-travel-en','en',['travel claim for Oslo 1–2 December','cancel it'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled')

# ---- undo
add('u11-angre-nb','nb',['lunsj i kantina 210 kr i dag','avbryt','angre'],[OUT,K['meal'],field(210)],[],why='plain "angre" brings the outlay back')
add('u11-treng-nn','nn',['drosje frå Bryggen 345 kr i går','slett det','nei, angre, eg treng det'],[OUT,K['taxi'],field(345)],[],why='undo with a reason, nynorsk')
add('u11-undo-en','en',['parking by the depot 85 NOK today','cancel','undo'],[OUT,K['parking'],field(85)],[],why='plain "undo"')

# ---- out of scope
oos('oos11-vaer-nb','nb','hva blir været i Bergen i morgen?','weather')
oos('oos11-moterom-nn','nn','kan du booke eit møterom til tysdag?','booking a room')
oos('oos11-wifi-en','en','do you know the guest wifi code for the Oslo office?','office wifi')
oos('oos11-vits-nn','nn','kan du fortelje meg ein vits?','a joke')

# ---- small talk
talk('talk11-heihei-nb','nb','heisann, er du der?','greeting')
talk('talk11-takk-nn','nn','takk skal du ha, det gjekk fint','thanks')
talk('talk11-cheers-en','en','brilliant, cheers 👍','thanks with an emoji')
talk('talk11-korleis-nn','nn','hallo, korleis går det med deg?','greeting, how are you')

# ---- stretch: harder shapes
outlay('o11-dager-en','en','parked at Gardermoen from Wednesday to Friday, 3 days at 230 NOK','parking',690,why='a price per day times the days: 3 × 230',stretch=True)
mileage('m11-to-etapper-nb','nb','kjørte Oslo–Drammen 40 km og videre til Kongsberg 42 km i dag',82,[kr(82)],['{date:0}'],why='two legs of one trip: 40 + 42 km',stretch=True)
outlay('c11-lading-en','en',['fuel 540 NOK yesterday','rental car top-up','oh wait, it was charging, 340 NOK'],'fuel',340,'{date:-1}',[r'rental car top-up'],nots=['{amount:540}'],why='kind word and amount corrected at once after the purpose',stretch=True)
add('t11-fly-nn','nn','reiserekning: Bergen–Oslo, fly ut måndag 30.11 om morgonen, heim torsdag 3.12 om kvelden',[TRV_FORM,r'Oslo','{date:11-30}','{date:12-03}'],[OUT,MIL],why='departure and return with weekdays and parts of the day',stretch=True)
mileage('m11-knut-nb','nb','kjørte 150 km fra Oslo til Lillehammer i dag, Knut satt på de første 60 km',150,[kr(150),amt(kr(150)+60)],[r'\bKnut\b','{date:0}'],why='a passenger for the first part, in the same sentence',stretch=True)
outlay('c11-trekk-nb','nb',['middag 1 200 kr i går','trekk fra 200 kr for drikke'],'meal',1000,'{date:-1}',nots=['{amount:1200}'],why='a correction as arithmetic: 1 200 − 200',stretch=True)
outlay('o11-ord-dato-nn','nn','parkering fyrste desember, 65 kr','parking',65,'{date:12-01}',why='the date in words ("fyrste desember")',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-11.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
