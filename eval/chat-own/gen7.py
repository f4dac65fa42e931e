# Writes cases-7.jsonl: the seventh batch, written before any change it leads to and without reading
# the code, as employees type in situations the first six lack: voice dictation without punctuation
# (amounts in words with "og", a greeting and a "takk" around the facts), "la ut", "P-hus", "inkl.
# mva", litres beside the amount, "hurtiglading", a taxi firm's name, a sleeper train, labels
# ("beløp:", "dato:"), one decimal ("89,5 kr"), "4.des" glued, "ons 2/12", "Tue the 1st", "onsdag
# førre veke", "sist torsdag", "this past Tuesday", "19. desember i fjor"; lists on separate lines,
# as bullets, with semicolons or ",-" amounts; the bot's questions answered in words or with "det
# endte på"; a "Formål:" label; a toll said inside the trip's sentence, a ferry or toll and parking
# added in one message, "no tolls"; an electric car; a passenger for part of the way; "had Mari in
# the car"; status after filing in the same chat; help and rate questions in context; cancel, undo
# and filing in new words. The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
FILED = r'\bRR-\d{4}-\d{4,}\b'
PREV_THU = '({weekday-before:thu}|{weekday-before:thu:2})'
def cites(secs): return r'\b(Kilde|Kjelde|Source)\b[^\n]{0,80}(?<![\d.])(%s)(?!\.?\d)' % secs
CAN = r'\b(utlegg\w*|kjøring\w*|køyring\w*|reise\w*|outlays?|mileage|travel|expenses?)\b'
STATE = r'\b(venter|ventar|sendt inn|innsendt|til godkjenning|submitted|waiting)\b'

# ---- outlays in one message
outlay('o7-dikt-tall-nb','nb','parkering på Aker brygge hundre og førti kroner i går','parking',140,'{date:-1}',why='dictated: the amount in words with "og", no punctuation')
outlay('o7-diktat-nb','nb','hei kan du registrere en taxi fra Lysaker til Fornebu 245 kroner i dag takk','taxi',245,'{date:0}',nots=[MIL],why='dictated without punctuation, a greeting and "takk" around the facts; a taxi route is no trip to drive')
outlay('o7-la-ut-nb','nb','la ut 129 kroner for lunsj med praktikantene i dag','meal',129,'{date:0}',why='"la ut" (paid out of pocket) before the amount')
outlay('o7-forre-veke-nn','nn','hotell i Bergen onsdag førre veke, 1 495 kr','hotel',1495,'{weekday-before:wed:2}',why='"onsdag førre veke" is the Wednesday of last week')
outlay('o7-last-thu-en','en','Last Thursday: airport parking, NOK 389','parking',389,PREV_THU,why='the date first with a colon, "NOK" before the amount')
outlay('o7-this-past-en','en','this past Tuesday I paid 64 kr in tolls driving to a client','toll',64,'{weekday-before:tue}',nots=[MIL],why='"this past Tuesday"; driving without km is context, the claim is the toll')
outlay('o7-euro-ord-en','en','taxi in Riga 45 euro on friday','taxi',45,'{weekday-before:fri}',[r'(\bEUR\b|€)'],why='the currency as the word "euro"')
outlay('o7-inkl-mva-nb','nb','P-hus Vulkan 240 kr inkl. mva i dag','parking',240,'{date:0}',why='"P-hus" is parking; "inkl. mva" is no kind and no amount')
outlay('o7-liter-nn','nn','tanka 41 liter diesel på Best, 823 kr, i går','fuel',823,'{date:-1}',why='litres beside the amount are no amount; "tanka"')
outlay('o7-hurtiglading-nb','nb','hurtiglading på Circle K Gardermoen 267,40 kr lørdag','fuel',267.4,'{weekday-before:sat}',why='fast charging of an electric car is fuel')
outlay('o7-norgestaxi-nb','nb','Norgestaxi hjem fra julebordet 412 kr','taxi',412,why='the kind inside a taxi firm\'s name; "julebordet" is where from, not a meal')
outlay('o7-nattog-nb','nb','nattoget Oslo–Trondheim med sovekupé 1 250 kr 2.12','transport',1250,'{date:12-02}',nots=[MIL],why='a sleeper train is transport; a route on a ticket')
outlay('o7-flyet-nn','nn','flyet heim frå Tromsø kosta 1 689 kr, 30.11','transport',1689,'{date:11-30}',why='definite "flyet", "kosta"')
outlay('o7-kundemiddag-nb','nb','kundemiddag på Fiskeriet, totalt 1 860 kr, torsdag 3.12','meal',1860,'{date:12-03}',why='a compound meal word, "totalt" before the amount, weekday and date')
outlay('o7-visittkort-nb','nb','trykking av visittkort 450 kr 1.12','other',450,'{date:12-01}',why='printing business cards is "other"')
outlay('o7-rundt-nb','nb','parkering rundt 300 kr på Gardermoen i går','parking',300,'{date:-1}',why='"rundt" (about) before the amount')
outlay('o7-4des-nb','nb','hotell Clarion Hub 1 280 kr 4.des','hotel',1280,'{date:12-04}',why='"4.des" without a space')
outlay('o7-ons-nb','nb','bompenger ons 2/12 kr 58','toll',58,'{date:12-02}',why='abbreviated Norwegian weekday with "2/12", "kr 58" last')
outlay('o7-tue-1st-en','en','dinner with the Danish partners on Tue the 1st, 1 240 NOK','meal',1240,'{date:12-01}',why='"Tue the 1st"')
outlay('o7-labels-nn','nn','ferje Lavik–Oppedal. beløp: 182 kr. dato: i går','ferry',182,'{date:-1}',nots=[MIL],why='labels "beløp:" and "dato:" after full stops')
outlay('o7-en-desimal-nb','nb','kaffe til møtet 89,5 kr i dag','meal',89.5,'{date:0}',why='one decimal: 89,50')
outlay('o7-dialekt-nb','nb','æ måtte ta taxi hjæm fra flyplassen, 534 kr i går','taxi',534,'{date:-1}',nots=[MIL],why='Trøndersk "æ", "hjæm"')
outlay('o7-afternoon-en','en','taxi from the client back to the office yesterday afternoon 276kr','taxi',276,'{date:-1}',nots=[MIL],why='"yesterday afternoon", "276kr" glued, no comma')
outlay('o7-spenn-nb','nb','parkering 65 spenn i går','parking',65,'{date:-1}',why='slang "spenn" for kroner',stretch=True)

# ---- several expenses in one message (one claim, a line each)
add('l7-dash-nb','nb','bom 42,- og parkering 180,- på torsdag',[LIST,K['toll'],K['parking'],'{amount:42}','{amount:180}','{weekday-before:thu}'],why='two expenses in ",-" amounts and a weekday')
add('l7-lines-nb','nb','i går:\nparkering 120\nbom 38\nferje 96',[LIST,'{amount:120}','{amount:38}','{amount:96}','{date:-1}'],why='one expense a line under the day')
add('l7-bullets-nb','nb','utlegg fra fredag:\n- flybuss 189 kr\n- lunsj 145 kr\n- taxi 310 kr',[LIST,'{amount:189}','{amount:145}','{amount:310}','{weekday-before:fri}'],why='a bulleted list under a label with the day')
add('l7-semicolon-en','en','parking 60 NOK; toll 33 NOK; ferry 140 NOK, all on Wednesday',[LIST,'{amount:60}','{amount:33}','{amount:140}','{weekday-before:wed}'],why='semicolons between expenses, "all on Wednesday"')
add('l7-alt-fra-nn','nn','drosje 220 kr, middag 480 kr og hotell 1 350 kr, alt frå tysdag',[LIST,'{amount:220}','{amount:480}','{amount:1350}','{weekday-before:tue}'],why='three expenses, "alt frå tysdag" dates them all')
add('l7-breakfast-en','en','yesterday: hotel NOK 1,190 and breakfast NOK 145',[LIST,'{amount:1190}','{amount:145}','{date:-1}'],why='"NOK 1,190" thousands; breakfast beside the hotel is its own line')
add('l7-dato-kolon-nn','nn','utlegg 2. desember: bompengar 56 kr, parkering 75 kr',[LIST,'{amount:56}','{amount:75}','{date:12-02}'],why='a label with the date, then the expenses')

# ---- the bot's questions answered, the purpose, filing
add('f7-send-den-nb','nb',['må føre en parkering fra i går','140,-','befaring på Ensjø','ser bra ut, send den'],[FILED],[],why='no amount: "140,-" answers, then the purpose and "ser bra ut, send den"')
outlay('f7-ord-svar-nn','nn',['drosje frå Bryggen til hotellet i går','to hundre og ti kroner','kundemiddag'],'taxi',210,'{date:-1}',[r'kundemiddag'],nots=[MIL],why='"how much?" answered in words')
outlay('f7-nok-svar-en','en',['I need to expense parking at Oslo airport from Friday','NOK 420','flight to the Stockholm office'],'parking',420,'{weekday-before:fri}',[r'Stockholm office'],why='"NOK 420" answers the amount; the purpose after')
outlay('f7-endte-nb','nb',['hadde utlegg til bompenger i dag','det endte på 87 kr','levering hos kunde i Moss'],'toll',87,'{date:0}',[r'levering hos kunde'],nots=[MIL],why='"det endte på 87 kr" answers; a purpose with a place is no trip')
outlay('f7-formal-label-nb','nb',['lunsj med kunde 412 kr i dag','Formål: kundebesøk Kongsberg Gruppen'],'meal',412,'{date:0}',[r'kundebesøk Kongsberg Gruppen'],nots=[purpose_not('Formål')],why='the purpose given with its own label')
add('f7-go-ahead-en','en',['taxi from Gardermoen 689 NOK yesterday','late arrival from the Berlin trade fair','go ahead and file it'],[FILED],[],why='"go ahead and file it"')
add('f7-takk-nb','nb',['parkering 95 kr i dag','takk!'],[r'\w{2,}'],[purpose_not('takk'),NOTFOUND],why='thanks while the purpose is asked for is no purpose')
outlay('f7-what-purpose-en','en',['hotel 1 390 NOK last night','what do you mean by purpose?'],'hotel',1390,'{date:-1}',nots=[purpose_not('what')],why='a question about the purpose is answered and the draft shown again')
add('f7-status-etter-nb','nb',['parkering på Storo 85 kr i dag','kundemøte hos Posten','send inn','er den godkjent nå?'],[FILED,STATE],[],why='status of the claim just filed: submitted, waiting for approval')
outlay('f7-belop-og-formal-nb','nb',['trenger å føre en taxi fra i går','312 kr, var på kundemøte hos Aker BP'],'taxi',312,'{date:-1}',[r'kundemøte hos Aker BP'],why='the amount and the purpose in one answer',stretch=True)

# ---- corrections after the card
outlay('c7-rette-nb','nb',['taxi 854 kr i går','kan du rette beløpet til 845?'],'taxi',845,'{date:-1}',nots=['{amount:854}',purpose_not('kan')],why='"kan du rette beløpet til"')
outlay('c7-stod-nn','nn',['hotell 1 290 kr i går','1 920 stod det på kvitteringa'],'hotel',1920,'{date:-1}',nots=['{amount:1290}',purpose_not('1 920')],why='the new amount first, the receipt as the reason')
outlay('c7-swapped-en','en',['toll 46 NOK today','no no, 64 – I swapped the digits'],'toll',64,'{date:0}',nots=['{amount:46}',purpose_not('no')],why='"no no" and a reason after the dash')
outlay('c7-not-today-en','en',['lunch 310 NOK today','it was last Thursday, not today'],'meal',310,PREV_THU,nots=[purpose_not('it was')],why='the date corrected by naming the wrong one too')
outlay('c7-endre-dato-nb','nb',['bompenger 31 kr i dag','endre dato til 1.12'],'toll',31,'{date:12-01}',nots=['{date:0}',purpose_not('endre')],why='"endre dato til"')
outlay('c7-flytt-nb','nb',['middag 512 kr i dag','flytt den til i forgårs'],'meal',512,'{date:-2}',nots=['{date:0}',purpose_not('flytt')],why='"flytt den til i forgårs"')
outlay('c7-formal-endre-nb','nb',['parkering 110 kr i dag','møte hos Telenor','endre formålet til kundemøte hos Posten'],'parking',110,'{date:0}',[r'kundemøte hos Posten'],nots=[r'(?<!kunde)møte hos Telenor'],why='the purpose changed after it was given')
mileage('c7-til-sammen-nb','nb',['kjørte fra Asker til Oslo i dag, 32 km','nei, det ble 64 km til sammen'],64,[339.2],['{date:0}'],nots=[km(32),purpose_not('nei')],why='the km corrected to a total: 64 × 5,30')
add('c7-dro-allerede-nb','nb',['reiseregning for konferansen i Stavanger 2.–4. desember','vi dro allerede 1. desember'],[TRV_FORM,'{date:12-01}','{date:12-04}'],[OUT,MIL],why='"dro allerede" moves the departure, the return kept')
add('c7-dagen-for-nn','nn',['reiserekning Ålesund 24.–26. november','vi reiste dagen før'],[TRV_FORM,'{date:11-23}','{date:11-26}'],[OUT,MIL],why='"dagen før" counts from the draft\'s departure',stretch=True)

# ---- cancel, undo
add('x7-nei-nei-nb','nb',['taxi 219 kr i dag','nei nei, avbryt'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei')],why='"nei nei, avbryt"')
add('x7-stopp-nb','nb',['parkering ved Ullevål 45 kr i dag','stopp, den er allerede ført'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('stopp')],why='"stopp" with the reason after it')
add('x7-slette-nn','nn',['hotell 1 050 kr i går','kan du slette det utlegget?'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('kan')],why='a cancel asked as a question')
add('x7-gjenopprett-nb','nb',['ferje 74 kr i dag','slett','gjenopprett'],[OUT,K['ferry'],field(74)],[],why='"slett", then "gjenopprett" brings it back')
add('x7-undo-cancel-en','en',['parking 35 NOK today','cancel','undo the cancel'],[OUT,K['parking'],field(35)],[],why='"undo the cancel"')
add('x7-dropp-koyring-nn','nn',['køyrde 22 km frå Bergen sentrum til Straume i dag','dropp køyringa'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('dropp')],why='"dropp køyringa"')
add('x7-never-went-en','en',['travel claim for Oslo Dec 1-3','we never went, cancel it'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a reason, then "cancel it"')
add('x7-slett-alt-nb','nb',['parkering 50 og bom 24 i dag','slett alt'],[CANCELLED],[r'"action":"claim\.(file|submit)"',purpose_not('slett')],why='"slett alt" cancels a claim of two outlays')
add('x7-trengte-nb','nb',['taxi fra Oslo S 260 kr i går','avbryt','nei vent, jeg trengte den likevel'],[OUT,K['taxi'],field(260)],[],why='"I needed it after all" asks to undo the cancel',stretch=True)

# ---- mileage
mileage('m7-elbil-nb','nb','kjørte elbil 88 km til Hønefoss i dag',88,[466.4],['{date:0}'],why='an electric car has the car rate: 88 × 5,30')
mileage('m7-elbil-nn','nn','køyrde elbilen min frå Bergen til Voss i går, 102 km',102,[540.6],['{date:-1}'],why='"elbilen min", a route')
mileage('m7-ev-en','en','drove my EV to the Hamar office today, 126 km there and back',126,[667.8],['{date:0}'],nots=[km(252)],why='"there and back" after the km is the whole trip')
mileage('m7-sist-torsdag-nb','nb','kjørte til Drammen sist torsdag, 41 km hver vei',82,[434.6],['{weekday-before:thu}'],why='"sist torsdag", "hver vei" doubles')
mileage('m7-last-thu-en','en','last Thursday I drove 56 km from Bergen to Os for a site visit',56,[296.8],[PREV_THU],why='"last Thursday" first, the reason after the route')
mileage('m7-i-fjor-nb','nb','kjørte 60 km til Ski 19. desember i fjor',60,[300],['{date:2025-12-19}'],nots=['{amount:318}'],why='"i fjor" is 2025: 60 × 5,00')
add('m7-bom-inne-nb','nb','kjørte Oslo–Kristiansand i går, 320 km, betalte 186 kr i bom underveis',[MIL,km(320),'{amount:1696}','{amount:186}'],[OUT],why='a toll in the trip\'s own sentence goes on the mileage claim: 320 × 5,30 = 1 696')
mileage('m7-del-av-veien-nb','nb','kjørte 140 km til Lillehammer i dag, Kari satt på fra Hamar, 60 km',140,[742,802],[r'\bKari\b','{date:0}'],why='a passenger for part of the way, with their km: 742 + 60')
mileage('m7-tr-total-nb','nb','tok egen bil til møte i Tønsberg i dag, 102 km t/r',102,[540.6],['{date:0}'],nots=[km(204)],why='"102 km t/r" is the whole trip')
mileage('m7-x2-nb','nb','kjørte til Jessheim i dag, 38 km x2',76,[402.8],['{date:0}'],why='"x2" after the km')
mileage('m7-koyrte-nn','nn','køyrte 37 km til Knarvik i går',37,[196.1],['{date:-1}'],why='the spelling "køyrte"')
mileage('m7-last-30-en','en','drove 95 km to Halden yesterday, picked up Nina in Sarpsborg and she rode the last 30 km',95,[503.5,533.5],[r'\bNina\b','{date:-1}'],why='a passenger picked up on the way with her own km: 503.50 + 30',stretch=True)
mileage('m7-km-ord-nb','nb','kjørte fra kontoret i Oslo til kunden i Moss i går sekstifire kilometer',64,[339.2],['{date:-1}'],why='dictated: the km in words',stretch=True)

# ---- mileage: the bot's questions, things on the trip, passengers later
mileage('mf7-rundt-km-nb','nb',['kjørte fra Sandvika til Drammen i dag','det ble vel rundt 35 km','montering hos Drammen kommune'],35,[185.5],['{date:0}',r'montering'],nots=[purpose_not('det')],why='the km asked for, answered "det ble vel rundt 35 km"')
add('mf7-from-home-en','en',['drove 48 km to Lillestrøm today','from home','vendor meeting at Norges Varemesse','yep, send it'],[FILED],[],why='the start asked for, "from home", the purpose, "yep, send it"')
add('mf7-ferja-nn','nn',['køyrde Bergen–Stord i går, 68 km','ferja var 214,-'],[MIL,K['ferry'],km(68),'{amount:360.4}','{amount:214}'],[OUT,purpose_not('ferja')],why='a ferry after the trip goes on the mileage claim: 68 × 5,30 = 360,40')
add('mf7-bom-og-park-nb','nb',['kjørte Trondheim–Steinkjer i går, 124 km','ja, bom for 70 kr og parkering for 45'],[MIL,km(124),'{amount:657.2}','{amount:70}','{amount:45}','{amount:772.2}'],[OUT,purpose_not('ja')],why='a toll and parking in one answer go on the trip: 657,20 + 70 + 45')
add('mf7-ingen-bom-nb','nb',['kjørte 30 km fra kontoret til Ski i dag','nei, ingen bom eller parkering'],[MIL,km(30),'{amount:159}'],[OUT,purpose_not('nei'),purpose_not('ingen')],why='"no tolls or parking" is neither an outlay nor the purpose')
mileage('mf7-in-the-car-en','en',['drove 72 km from Oslo to Hurum today','oh, and I had Mari in the car'],72,[381.6,453.6],[r'\bMari\b'],nots=[purpose_not('oh')],why='"had Mari in the car" is a passenger: 381.60 + 72')
add('mf7-passasjer-hjelp-nb','nb',['kjørte 50 km fra Oslo til Ski i dag','hvordan legger jeg til en passasjer?'],[cites(r'5\.3'),km(50)],[purpose_not('hvordan')],why='a how-to question while the trip waits: answered (5.3), the trip shown again')
add('mf7-elbil-send-nn','nn',['køyrde elbilen frå Sandnes til Stavanger og heim att i dag, 32 km kvar veg','møte med Lyse','send inn'],[FILED],[],why='an electric car round trip in nynorsk, filed')

# ---- travel
add('t7-sondag-nb','nb','reiseregning for konferansen i Stavanger, dro søndag kveld og kom hjem onsdag',[TRV],[OUT,MIL],why='left on a Sunday evening, home on Wednesday')
add('t7-flew-en','en','travel claim: Bergen, flew out Monday morning, back Wednesday night',[TRV],[OUT,MIL],why='"flew out … back …" with parts of the day')
add('t7-diett-nn','nn','eg var i Bodø på jobb frå 23. til 25. november og treng å få diett',[TRV],[OUT,MIL],why='"på jobb", "treng å få diett"')
add('t7-frokost-nb','nb','diett for kurset i Kristiansand 1.–3. des, fikk frokost på hotellet',[TRV],[OUT,MIL],why='a meal provided is no meal outlay')
add('t7-firmaet-nb','nb','reise Tromsø 30.11–2.12, hotellet ble betalt av firmaet',[TRV],[OUT,MIL],why='a hotel paid by the company is no hotel outlay')
add('t7-sales-en','en','I was in Kristiansand for the sales meeting Tue–Wed, need per diem',[TRV],[OUT,MIL],why='a weekday span and "need per diem"')

# ---- claims questions (a new user has none)
st('s7-pengene-nb','nb','når kommer pengene for taxien?','when the money comes')
st('s7-sjefen-nb','nb','ligger det noe til godkjenning hos sjefen min?','waiting with the manager')
st('s7-trondersk-nb','nb','e reiseregninga mi godkjent elle?','Trøndersk "e … elle"')
st('s7-status-nb','nb','status?','one word')
st('s7-hittil-nn','nn','kva har eg fått refundert hittil i år','"refundert hittil i år"')
st('s7-last-month-en','en','what did I claim last month?','last month')
st('s7-stuck-en','en','is anything of mine stuck in approval?','"stuck in approval"')

# ---- help (the guide's section is cited), in and out of a flow
hp('h7-bilde-nb','nb','må jeg legge ved bilde av kvitteringen?',r'5\.2|4\.1|4',r'Attach|Legg ved fil','a photo of the receipt (5.2)')
hp('h7-hente-en','en','how do I get the receipts I photographed in the Attach app into my claim?',r'5\.2',r'Attach file|Legg ved fil','receipts from the app onto the claim (5.2)')
hp('h7-paamelding-nn','nn','skal eg leggje ved påmeldinga til kurset?',r'5\.1|4\.1',r'påmelding|invitasjon','the registration (5.1)')
hp('h7-attach-login-nb','nb','jeg får ikke logget inn i Attach-appen',r'4\.1|1|3',r'Expense|connect\.visma\.com','logging in to the app (4.1)')
hp('h7-forskjell-nb','nb','hva er forskjellen på kjørebok og reise?',r'5\.3|5\.4',r'diett|arbeidstid|stjerne','mileage log or travel (5.3, 5.4)')
add('h7-ferje-venter-nb','nb',['ferjebillett 156 kr i dag','skal ferja føres som utlegg eller på kjøreboka?'],[cites(r'5\.1|5\.2'),'{amount:156}'],[purpose_not('skal')],why='a how-to question while the outlay waits: answered (5.1), the draft shown again')
add('h7-hjelp-nb','nb','hjelp',[CAN],[ANY],why='the help command says what the bot does')
add('h7-kva-kan-du-nn','nn','kva kan du hjelpe meg med?',[CAN],[ANY],why='what can you do: the bot says what it does')

# ---- the state's rates
add('r7-passasjer-nb','nb','hva er satsen for passasjertillegg?',[r'(?<![\d,.])1[,.]00\b|\b1 kr'],[ANY],why='passenger supplement 1,00 kr/km')
add('r7-diett-en','en',"what's the per diem for an overnight trip this year?",[r'(?<![\d,.])1[\s\u00a0\u202f.,]?012\b'],[ANY],why='2026 overnight per diem 1 012')
add('r7-ifjor-nn','nn','kor mykje var kilometersatsen i fjor?',[r'(?<![\d,.])5[,.]00\b'],[ANY],why='2025 car rate 5,00')
add('r7-elbil-nb','nb','hvor mye får jeg per km med elbil?',[r'(?<![\d,.])5[,.]30\b'],[ANY],why='an electric car has the car rate (DESIGN: el-bil the same)',stretch=True)

# ---- out of scope
oos('oos7-godkjenn-nb','nb','kan du godkjenne reiseregningen til Per?',"approving a colleague's claim")
oos('oos7-fly-tog-nb','nb','er det billigere å ta fly eller tog til Trondheim?','a price comparison of travel')
oos('oos7-dikt-nb','nb','skriv et dikt om reiseregninger','a poem')
oos('oos7-ferja-nn','nn','kva tid går siste ferja frå Halhjem?','a ferry timetable is no ferry outlay')
oos('oos7-parkere-nb','nb','hvor kan jeg parkere gratis i nærheten av kontoret?','where to park is no parking outlay')

# ---- small talk
talk('talk7-hei-igjen-nb','nb','hei igjen','greeting')
talk('talk7-takk-alt-nb','nb','takk, det var alt for i dag','thanks and goodbye')
talk('talk7-fin-dag-nn','nn','ha ein fin dag!','goodbye')
talk('talk7-morna-nb','nb','morna!','goodbye, colloquial')
talk('talk7-takker-nb','nb','takker','thanks, colloquial')

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-7.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
