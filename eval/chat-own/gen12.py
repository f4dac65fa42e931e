# Writes cases-12.jsonl: the twelfth batch, written without reading the code, as a REPRESENTATIVE
# mix of ordinary traffic (like cases-10 and cases-11), imagining yet other people: a home-care nurse
# visiting patients by car (short trips, hospital parking, Vestlandet nynorsk), a salesperson in
# Northern Norway (ferries to Lofoten and Ørnes, Bodø, Tromsø, Finnsnes, "æ" dialect), an IT
# consultant at client sites around Oslo (Lysaker, Fornebu, Helsfyr, taxis, T-bane tickets), a
# researcher going to conferences abroad (EUR, SEK, Lisbon, Berlin, Vienna), a construction site
# manager (diesel for the site car, tolls, parking at the site, "byggemøte") and a part-time student
# worker (small amounts, unsure, chatty). About half is the everyday: one outlay with its amount, date
# and kind, a trip with km and route, a travel claim asked for in a sentence, the bot's follow-up
# questions answered turn by turn, the purpose, filing, a status question, a how-to question for the
# guide. The other half: several expenses at once, corrections before and after the purpose, cancel
# and undo, passengers, round trips, tolls and ferries on a trip, out-of-scope, small talk, typos,
# missing æøå, dialect, emoji, mixed language. Dates are relative to the runner's today (Sunday 6
# December 2026 when written; explicit dates are in late November or early December). The helpers
# and regexes are gen.py's; the sentences are new (checked against the eleven batches before).
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()

# ---- one outlay in one message: the everyday (kind, amount, date)
outlay('o12-ulleval-nb','nb','parkering ved Ullevål sykehus 145 kr i går','parking',145,'{date:-1}',why='hospital parking, "i går"')
outlay('o12-lysaker-nb','nb','taxi fra Skøyen til kunden på Lysaker 236 kr i dag','taxi',236,'{date:0}',nots=[MIL],why='a consultant\'s taxi with a route')
outlay('o12-tbane-nb','nb','T-banebillett til Helsfyr 44 kr i dag','transport',44,'{date:0}',nots=[MIL],why='a metro ticket to a client site')
outlay('o12-anleggsbil-nn','nn','fylte diesel på anleggsbilen i går, 1 046 kr','fuel',1046,'{date:-1}',why='a site manager fuelling the site car')
outlay('o12-bodo-nb','nb','hotell i Bodø 1 590 kr 2. desember','hotel',1590,'{date:12-02}',why='a hotel with "2. desember"')
outlay('o12-lodingen-nb','nb','ferje Bognes–Lødingen 263 kr i går','ferry',263,'{date:-1}',nots=[MIL],why='a ferry in Nordland with its route')
outlay('o12-legevakt-nn','nn','parkering ved legevakta 40 kr i dag','parking',40,'{date:0}',why='a nurse\'s parking, nynorsk')
outlay('o12-flesland-nn','nn','drosje frå Flesland til hotellet 468 kr måndag','taxi',468,'{weekday-before:mon}',nots=[MIL],why='a nynorsk taxi with a weekday')
outlay('o12-konferanse-nn','nn','middag på konferansen i Trondheim, 395 kr, 2. desember','meal',395,'{date:12-02}',why='a conference dinner, commas between the facts')
outlay('o12-molde-nn','nn','hotell i Molde 1 180 kr fredag','hotel',1180,'{weekday-before:fri}',why='a terse nynorsk hotel')
outlay('o12-unox-nn','nn','bensin 690 kr på Uno-X i går','fuel',690,'{date:-1}',why='petrol with the station, nynorsk')
outlay('o12-voss-nn','nn','bussbillett til Voss 169 kr i dag','transport',169,'{date:0}',nots=[MIL],why='a bus ticket, nynorsk')
outlay('o12-berlin-en','en','taxi from the conference venue to the hotel in Berlin, 24 EUR yesterday','taxi',24,'{date:-1}',[r'\bEUR\b|€'],nots=[MIL],why='a researcher abroad: a taxi in euros')
outlay('o12-vienna-en','en','hotel in Vienna 412 EUR on 2 December','hotel',412,'{date:12-02}',[r'\bEUR\b|€'],why='a conference hotel abroad')
outlay('o12-lysaker-en','en','parking at the client in Lysaker 180 NOK today','parking',180,'{date:0}',why='the plainest English parking')
outlay('o12-lunch-en','en','lunch with the customer 465 NOK on Thursday','meal',465,'{weekday-before:thu}',why='a lunch with "on Thursday"')
outlay('o12-petrol-en','en','petrol 748 NOK Friday','fuel',748,'{weekday-before:fri}',why='three words: kind, amount, weekday')

# ---- one outlay: typos, missing æøå, dialect, emoji, mixed language
outlay('o12-typo-nb','nb','parkerign ved byggeplassen 90 kr i dag','parking',90,'{date:0}',why='a typo of "parkering"')
outlay('o12-uten-aeoe-nb','nb','ferje fra Bodo til Moskenes 1 020 kr i gar','ferry',1020,'{date:-1}',nots=[MIL],why='no æøå ("Bodo", "i gar")')
outlay('o12-dialekt-nb','nb','æ kjøpt ferjebillett te Skrova i dag, 148 kr','ferry',148,'{date:0}',nots=[MIL],why='Northern dialect: "æ kjøpt", "te"')
outlay('o12-pasient-nn','nn','eg betalte 52 kr i bom i dag då eg skulle til ein pasient','toll',52,'{date:0}',nots=[MIL],why='a toll told as a story, nynorsk')
outlay('o12-pizza-en','en','bought lunch for the volunteers 🍕 640 NOK yesterday','meal',640,'{date:-1}',why='a student worker, an emoji beside the amount')
outlay('o12-cab-nb','nb','tok en cab fra Gardermoen i går, 690 kr','taxi',690,'{date:-1}',nots=[MIL],why='an English word in a Norwegian sentence')
outlay('o12-student-en','en',"hi! I'm a student assistant, I paid 39 NOK for a bus ticket to campus today, can I get that back?",'transport',39,'{date:0}',why='a part-time student worker, unsure and chatty')
outlay('o12-lisbon-en','en','conference dinner in Lisbon 58 EUR on Wednesday','meal',58,'{weekday-before:wed}',[r'\bEUR\b|€'],why='a conference dinner in euros')
outlay('o12-sjukehus-nn','nn','parkering pa sjukehuset 75 kr i gar','parking',75,'{date:-1}',why='nynorsk without æøå')

# ---- several expenses in one message
add('l12-tre-nb','nb','i går: ferje 410 kr, bom 62 kr og lunsj 189 kr',[LIST,K['ferry'],K['toll'],K['meal'],'{amount:410}','{amount:62}','{amount:189}','{date:-1}'],why='three expenses after a day heading')
add('l12-onsdag-nn','nn','drosje 312 kr og middag 845 kr på onsdag',[LIST,K['taxi'],K['meal'],'{amount:312}','{amount:845}','{weekday-before:wed}'],why='two expenses, the weekday at the end')
add('l12-begge-nn','nn','parkering 60 kr og bompengar 44 kr, begge i dag',[LIST,K['parking'],K['toll'],'{amount:60}','{amount:44}','{date:0}'],why='"begge i dag", nynorsk')
add('l12-tromso-nn','nn','drosje 280 kr, middag 520 kr og hotell 1 350 kr i Tromsø 1. desember',[LIST,K['taxi'],K['meal'],K['hotel'],'{amount:280}','{amount:520}','{amount:1350}','{date:12-01}'],why='three expenses of one day, nynorsk')
add('l12-berlin-en','en','Berlin receipts:\n- taxi 32 EUR\n- dinner 47 EUR\n- airport train 14 EUR',[LIST,'{amount:32}','{amount:47}','{amount:14}'],[MIL],why='a heading and three dash lines, in euros')
add('l12-plus-en','en','hotel 1 290 NOK plus parking 150 NOK yesterday',[LIST,K['hotel'],K['parking'],'{amount:1290}','{amount:150}','{date:-1}'],why='two expenses joined by "plus"')

# ---- the bot's questions answered, turn by turn
outlay('f12-ferje-nb','nb',['må føre en ferjebillett fra i går','det var 316 kr','kundebesøk i Svolvær'],'ferry',316,'{date:-1}',[r'kundebesøk i Svolvær'],why='a kind and a day, the amount asked for, then the purpose')
outlay('f12-parkering-nb','nb',['registrer parkering i dag','120','hjemmebesøk hos pasient'],'parking',120,'{date:0}',[r'hjemmebesøk hos pasient'],why='a bare figure answers the amount')
outlay('f12-kveld-nn','nn',['drosje i går kveld','312 kr','seinvakt på avdelinga'],'taxi',312,'{date:-1}',[r'seinvakt på avdelinga'],why='"i går kveld", the amount asked for')
outlay('f12-hotel-en','en',['I need to claim a hotel from Wednesday','it was 1 540 NOK','client workshop in Tromsø'],'hotel',1540,'{weekday-before:wed}',[r'client workshop in Tromsø'],why='"it was 1 540 NOK" answers the amount')
outlay('f12-taxi-en','en',['expense a taxi from today','about 265 NOK','server migration at the client'],'taxi',265,'{date:0}',[r'server migration at the client'],why='"about 265 NOK"')
mileage('f12-asker-nb','nb',['kjørte til kunden i Asker i dag','32 km','fra kontoret vårt på Skøyen','oppgradering av nettverk'],32,[kr(32)],['{date:0}',r'oppgradering av nettverk'],nots=[purpose_not('fra')],why='km, start and purpose asked for in turn')
mileage('f12-osteroy-nn','nn',['køyrde til ein pasient på Osterøy i går','27 km','frå legekontoret i Indre Arna','heimebesøk'],27,[kr(27)],['{date:-1}',r'heimebesøk'],nots=[purpose_not('frå')],why='a nurse\'s trip finished in the chat')
mileage('f12-ski-en','en',['drove to the construction site in Ski today','38 km I think','from my house in Ås','weekly site inspection with the contractor'],38,[kr(38)],['{date:0}',r'weekly site inspection with the contractor'],nots=[purpose_not('from')],why='a site manager\'s trip finished in the chat')

# ---- the purpose given
outlay('p12-lufthavn-nb','nb',['parkering på Tromsø lufthavn 245 kr i går','salgsmøte med Lyngen Sjømat'],'parking',245,'{date:-1}',[r'salgsmøte med Lyngen Sjømat'],why='airport parking, then the purpose')
outlay('p12-fagdag-nn','nn',['tog frå Bergen til Voss 245 kr i dag','fagdag for sjukepleiarar'],'transport',245,'{date:0}',[r'fagdag for sjukepleiarar'],why='a nynorsk purpose')
outlay('p12-release-en','en',['taxi to the client in Fornebu 298 NOK today','deployment of the new release'],'taxi',298,'{date:0}',[r'deployment of the new release'],why='a consultant\'s purpose')

# ---- the claim filed
add('x12-byggeplass-nb','nb',['bom 46 kr i dag','befaring på byggeplassen','send inn'],[FILED],[],why='outlay, purpose, "send inn"')
add('x12-narvik-nb','nb',['kjørte 24 km fra Narvik til Bjerkvik i går','kundebesøk hos Polarkjøl','send den inn nå'],[FILED],[],why='a trip, its purpose, "send den inn"')
add('x12-kaien-nn','nn',['drosje til kaien 190 kr i dag','kundemøte på Stord','ja, send det inn'],[FILED],[],why='"ja, send inn", nynorsk')
add('x12-partner-en','en',['dinner with the partner team 1 240 NOK yesterday','partner kickoff','file it please'],[FILED],[],why='"file it please"')
add('x12-drammen-en','en',['drove 45 km from Oslo to Drammen today','client visit','go ahead and submit'],[FILED],[],why='a trip, its purpose, "submit it"')

# ---- claims questions (a new user has none)
st('s12-venter-nb','nb','har jeg noen krav som venter på godkjenning?','waiting for approval')
st('s12-maanad-nn','nn','kva har eg sendt inn denne månaden?','sent this month, nynorsk')
st('s12-bergen-nn','nn','er reiserekninga mi frå Bergen godkjend?','a travel claim approved, nynorsk')
st('s12-show-en','en','show me my claims','the list asked for')
st('s12-mileage-en','en','has my mileage been paid out yet?','paid out, a kind')
add('s12-utbetalt-nb','nb',['parkering ved kunden 130 kr i dag','serverbytte hos kunde','send inn nå','når blir den utbetalt?'],[FILED,STATE],[],why='payout of the claim just filed')
add('s12-approved-en','en',['taxi to the hospital 210 NOK today','night shift cover','submit please','has it been approved?'],[FILED,STATE],[],why='status right after filing')

# ---- help (the guide's section is cited)
hp('h12-passasjer-nb','nb','hvordan legger jeg til en passasjer på kjøringen i Expense?',r'5\.3',r'initial\w*','passengers by initials (5.3)')
hp('h12-adresse-nn','nn','kva adresse loggar eg inn på?',r'1',r'connect\.visma\.com','the login address (1)')
hp('h12-activation-en','en',"I never got the activation email, what do I do?",r'1|3',r'spam|junk|Forgot','the activation e-mail (1)')
hp('h12-ferje-kjorebok-nb','nb','hvor fører jeg ferjebilletten når jeg skriver kjørebok?',r'5\.1|5\.3',r'utlegg|outlay','ferry tickets on a mileage log are outlays (5.1)')
hp('h12-attach-nn','nn','korleis får eg bileta frå Attach inn i utlegget?',r'5\.2|4\.1|4',r'Legg ved fil|Attach','the Attach photos in an outlay (5.2)')
hp('h12-asterisk-en','en','what do the red asterisks mean on the mileage form?',r'5\.3',r'fill|fyll|required|must','the red asterisk (5.3)')
hp('h12-passord-nb','nb','glemt passordet, hva gjør jeg?',r'3|1',r'connect\.visma\.com','forgotten password (3)')
hp('h12-language-en','en','how do I change the language in Expense?',r'2',r'Mine opplysning\w*|My details','the language setting (2)')
hp('h12-per-diem-en','en','which type should I pick for a conference trip abroad where I get per diem?',r'5\.4|5',r'per diem|diett\w*|travel|reise','travel is for per diem (5.4)')
add('h12-midt-i-nb','nb',['parkering ved byggeplassen 75 kr i dag','hvordan legger jeg ved kvitteringen?'],[cites(r'5\.2|4\.1|4'),'{amount:75}'],[purpose_not('hvordan')],why='a how-to question while the outlay waits: answered, the draft kept')
add('r12-km-nb','nb','hva er kilometersatsen for bil i 2026?',[r'5[.,]30'],[ANY],why='the 2026 car rate')
add('r12-passasjer-nn','nn','kor mykje får eg per km for ein passasjer?',[r'1[.,]00'],[ANY],why='the passenger rate, nynorsk')

# ---- commands that open a form
add('n12-outlay-en','en','new outlay',[OUT],[MIL],why='the outlay form on command')
add('n12-reise-nn','nn','lag ei ny reiserekning',[TRV],[OUT,MIL],why='the travel form asked for, nynorsk')

# ---- mileage
mileage('m12-fauske-nb','nb','kjørte 63 km fra Bodø til Fauske i går',63,[kr(63)],['{date:-1}'],why='the plainest bokmål trip')
mileage('m12-heimebesok-nn','nn','køyrde 23 km frå Lonevåg til Hosanger på heimebesøk i dag',23,[kr(23)],['{date:0}'],why='a nurse\'s short trip')
mileage('m12-lysaker-tr-nb','nb','kjøring kontoret–Lysaker t/r, 12 km hver vei, i går',24,[kr(24)],['{date:-1}'],nots=[km(48)],why='"12 km hver vei" doubles')
mileage('m12-rygge-nb','nb','kjørte tur/retur Moss–Rygge i dag, 52 km totalt',52,[kr(52)],['{date:0}'],nots=[km(104)],why='"52 km totalt" is the whole round trip')
mileage('m12-dale-nn','nn','køyrde 45 km frå Voss til Dale i går',45,[kr(45)],['{date:-1}'],why='the plainest nynorsk trip')
mileage('m12-fusa-nn','nn','køyring Os–Fusa tur/retur i dag, 19 km kvar veg',38,[kr(38)],['{date:0}'],nots=[km(76)],why='"19 km kvar veg" doubles')
mileage('m12-florø-nn','nn','køyrde 61 km frå Florø til Førde fredag',61,[kr(61)],['{weekday-before:fri}'],why='a weekday, nynorsk')
mileage('m12-moss-en','en','drove 61 km from Oslo to Moss today',61,[kr(61)],['{date:0}'],why='the plainest English trip')
mileage('m12-saltstraumen-en','en','mileage: Bodø to Saltstraumen and back, 33 km each way, yesterday',66,[kr(66)],['{date:-1}'],nots=[km(132)],why='"33 km each way", and back')
mileage('m12-finnsnes-en','en','I drove from Tromsø to Finnsnes on Tuesday, 151 km',151,[kr(151)],['{weekday-before:tue}'],why='the km last after a comma')

# ---- mileage with passengers
mileage('m12-hanne-nb','nb','kjørte 58 km fra Tromsø til Storsteinnes i går med Hanne',58,[kr(58),amt(kr(58)+58)],[r'\bHanne\b','{date:-1}'],why='"med Hanne"')
mileage('m12-sigrid-nn','nn','køyrde 52 km frå Bergen til Osterøy i dag, Sigrid var med',52,[kr(52),amt(kr(52)+52)],[r'\bSigrid\b','{date:0}'],why='"Sigrid var med" after the trip')
mileage('m12-two-en','en','drove 72 km from Oslo to Hønefoss today with two colleagues, Ahmed and Lise',72,[kr(72),amt(kr(72)+144)],[r'\bAhmed\b',r'\bLise\b','{date:0}'],why='two passengers named after "colleagues"')
add('mf12-erik-nb','nb',['kjørte 44 km fra Lillestrøm til Jessheim i dag','Erik satt på hele veien'],[MIL,km(44),r'\bErik\b','{amount:%s}' % kr(44),'{amount:%s}' % amt(kr(44)+44)],[OUT,purpose_not('Erik')],why='a passenger told after the trip')

# ---- tolls and ferries added to a trip
add('mf12-ferje-nb','nb',['kjørte 88 km fra Bodø til Ørnes i går','ferje 168 kr'],[MIL,K['ferry'],km(88),'{amount:168}','{amount:%s}' % amt(kr(88)+168)],[OUT,purpose_not('ferje')],why='a ferry after the trip goes on it')
add('mf12-ferje-bom-nn','nn',['køyrde 64 km frå Bergen til Stord i dag','ferja kosta 158 kr og bompengar 96 kr'],[MIL,K['ferry'],K['toll'],km(64),'{amount:158}','{amount:96}','{amount:%s}' % amt(kr(64)+158+96)],[OUT,purpose_not('ferja')],why='a ferry and a toll in one answer')
add('mf12-toll-en','en',['drove 28 km from Oslo to Asker today','the toll was 42 NOK'],[MIL,K['toll'],km(28),'{amount:42}','{amount:%s}' % amt(kr(28)+42)],[OUT,purpose_not('the toll')],why='"the toll was 42 NOK" after the trip')
add('mf12-ferry-send-en','en',['drove 74 km from Tromsø to Lyngseidet yesterday','ferry 142 NOK','sales meeting','submit'],[FILED],[],why='a trip, its ferry, the purpose, filed')

# ---- travel claims asked for in a sentence
add('t12-kobenhavn-nb','nb','trenger reiseregning for konferanse i København 30. november til 2. desember',[TRV_FORM,r'København|Copenhagen','{date:11-30}','{date:12-02}'],[OUT,MIL],why='a conference abroad, "til" between the dates')
add('t12-hammerfest-nb','nb','kan du sette opp reiseregning for Hammerfest 24.–26. november?',[TRV_FORM,r'Hammerfest','{date:11-24}','{date:11-26}'],[OUT,MIL],why='a request with a range')
add('t12-trondheim-nn','nn','eg skal ha reiserekning for fagkonferanse i Trondheim, 25.–27. november',[TRV_FORM,r'Trondheim','{date:11-25}','{date:11-27}'],[OUT,MIL],why='a nynorsk request')
add('t12-oslo-nn','nn','reiste til Oslo måndag 30.11 og kom heim 2.12, kan du lage reiserekning?',[TRV_FORM,r'Oslo','{date:11-30}','{date:12-02}'],[OUT,MIL],why='departure and return as two days')
add('t12-lisbon-en','en','can you start a travel claim for the conference in Lisbon, 23–27 November?',[TRV_FORM,r'Lisbon|Lisboa','{date:11-23}','{date:11-27}'],[OUT,MIL],why='a researcher\'s conference abroad')
add('t12-tromso-en','en','travel expense report for Tromsø, 1 to 3 December please',[TRV_FORM,r'Tromsø','{date:12-01}','{date:12-03}'],[OUT,MIL],why='"travel expense report", a range')

# ---- corrections before the purpose
outlay('c12-belop-nb','nb',['taxi til Helsfyr 218 kr i dag','beklager, 281 kr'],'taxi',281,'{date:0}',nots=['{amount:218}',purpose_not('beklager')],why='the amount corrected, swapped digits')
outlay('c12-fredag-nn','nn',['hotell i Tromsø 1 450 kr i går','nei, det var fredag'],'hotel',1450,'{weekday-before:fri}',nots=['{date:-1}',purpose_not('nei')],why='the date corrected to a weekday')
outlay('c12-kind-en','en',['parking 160 NOK today','oops, it was a ferry ticket'],'ferry',160,'{date:0}',nots=[purpose_not('oops')],why='the kind corrected')
mileage('c12-km-nn','nn',['køyrde 47 km frå Lillehammer til Gjøvik i dag','nei vent, det var 41 km'],41,[kr(41)],['{date:0}'],nots=[km(47),purpose_not('nei')],why='"nei vent, det var 41 km"')
outlay('c12-torsdag-nn','nn',['lunsj 315 kr i går','orsak, det var torsdag'],'meal',315,'{weekday-before:thu}',nots=['{date:-1}',purpose_not('orsak')],why='the date corrected to a weekday')

# ---- corrections after the purpose
outlay('c12-etter-belop-nb','nb',['parkering ved byggeplassen 240 kr i dag','byggemøte','feil beløp, det var 204'],'parking',204,'{date:0}',[r'byggemøte'],nots=['{amount:240}'],why='the amount corrected after the purpose')
outlay('c12-etter-dato-nn','nn',['drosje til hotellet 380 kr i går','kurs i sårbehandling','datoen skal vere torsdag'],'taxi',380,'{weekday-before:thu}',[r'kurs i sårbehandling'],nots=['{date:-1}'],why='the date changed after the purpose')
mileage('c12-etter-km-en','en',['drove 58 km from Oslo to Jessheim today','client onboarding','correction: 85 km'],85,[kr(85)],['{date:0}',r'client onboarding'],nots=[km(58)],why='"correction: 85 km" after the purpose')
outlay('c12-etter-sek-en','en',['hotel in Stockholm 1 650 SEK yesterday','Nordic user group meetup','sorry, the amount was 1 560 SEK'],'hotel',1560,'{date:-1}',[r'Nordic user group meetup',r'\bSEK\b'],nots=['{amount:1650}'],why='the amount corrected after the purpose, in SEK')

# ---- cancel
add('x12-slett-nb','nb',['taxi 245 kr i dag','nei, slett den'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei')],why='"slett den"')
add('x12-avbryt-nn','nn',['parkering ved sjukeheimen 65 kr i dag','nei, avbryt'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei')],why='"nei, avbryt"')
add('x12-trip-en','en',['drove 18 km from the office to the airport today','cancel that'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('cancel')],why='a trip cancelled with "cancel that"')
add('x12-reise-nb','nb',['reiseregning for Bergen 2.–3. desember','avbryt reisen'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft cancelled by name')

# ---- undo
add('u12-beholde-nb','nb',['middag 480 kr i går','avbryt','angre, jeg vil beholde den'],[OUT,K['meal'],field(480)],[],why='undo with a reason')
add('u12-angre-nn','nn',['ferje 214 kr i dag','slett det utlegget','oi, angre'],[OUT,K['ferry'],field(214)],[],why='"angre det", nynorsk')
add('u12-undo-en','en',['taxi 260 NOK yesterday','cancel this','wait, undo that'],[OUT,K['taxi'],field(260)],[],why='"wait, undo that"')

# ---- out of scope
oos('oos12-fly-nb','nb','kan du bestille flybillett til Tromsø for meg på fredag?','booking a flight')
oos('oos12-klokka-nn','nn','kva er klokka i New York no?','the time abroad')
oos('oos12-epost-en','en','can you summarise this email thread for me?','summarising an e-mail')

# ---- small talk
talk('talk12-morgen-nb','nb','god morgen, og god søndag!','greeting')
talk('talk12-takk-nn','nn','tusen takk for hjelpa 🙏','thanks with an emoji')
talk('talk12-quick-en','en','thanks, that was quick!','thanks')

# ---- stretch: harder shapes
outlay('o12-per-dag-nb','nb','parkerte ved sykehjemmet mandag til fredag, 35 kr dagen','parking',175,why='a price per day over a five-day week: 5 × 35',stretch=True)
mileage('m12-tre-besok-nb','nb','kjørte tre hjemmebesøk i dag: 8, 12 og 15 km',35,[kr(35)],['{date:0}'],why='three short trips added up: 8 + 12 + 15 km',stretch=True)
add('t12-klokke-nn','nn','reiserekning Tromsø–Oslo: reiste 1.12 kl. 07.10, heim 3.12 kl. 22.45',[TRV_FORM,r'Oslo','{date:12-01}','{date:12-03}'],[OUT,MIL],why='departure and return with clock times, nynorsk',stretch=True)
outlay('c12-tips-nn','nn',['middag 595 kr i går','legg til 50 kr i tips'],'meal',645,'{date:-1}',nots=['{amount:595}'],why='a correction as an addition: 595 + 50',stretch=True)
outlay('o12-ord-dato-en','en','hotel on the second of December, 1 390 NOK','hotel',1390,'{date:12-02}',why='the date in words ("the second of December")',stretch=True)
mileage('m12-nina-en','en','drove 120 km from Oslo to Hamar yesterday, picked up Nina at Gardermoen and she rode the last 70 km',120,[kr(120),amt(kr(120)+70)],[r'\bNina\b','{date:-1}'],why='a passenger picked up on the way with her own km',stretch=True)
outlay('c12-halvparten-nb','nb',['middag 1 480 kr i går','jeg skal bare ha halvparten, kollegaen betaler resten'],'meal',740,'{date:-1}',nots=['{amount:1480}'],why='a correction as a share: half of 1 480',stretch=True)

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-12.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
