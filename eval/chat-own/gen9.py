# Writes cases-9.jsonl: the ninth batch, written before any change it leads to and without reading
# the code, as employees type in situations the first eight lack: long chatty messages with the
# facts buried in them, terse phone messages ("taxi 289 lør", "km 46 kontor-Asker i dag"), two
# languages in one message ("kan du registrere parking 120 NOK yesterday?", "jeg need to claim en
# hotellnatt"), dialect spellings ("æ va", "kosta", "mæ", "te Harstad", "ka har æ sendt inn?");
# amounts as "kr 1.049,-", "1049 kroner", "349.-", "NOK85", "USD 58.20", "14,50 euro", an emoji
# beside the kind; dates as "sist fredag", "den 30.", "30te nov", "last night:", "this morning";
# a tram ticket, a Vy ticket, a fast boat; several expenses with "begge i går", "samt", "&", a
# heading with a colon, "a toll of 38", amounts in brackets inside a story; the bot's questions
# answered with "kvitteringen sier 436", "hm, trur det var 120 kr eller noko", "62 km hver vei",
# "frå heime"; corrections as "beklager, tastefeil", "it was on Thursday, not today", "det var
# hotell, ikkje middag", "korriger til 39 km", and after the purpose "forresten", "å nei", "det
# var visst", "actually make the purpose …"; filing, cancel and undo as "kjør på, send inn", "ship
# it", "send han avgårde", "all good, send it through", "glem hele utlegget",
# "berre slett det", "abort", "oi, det var ikkje meininga – angre", "kan du få
# tilbake den jeg slettet?", "undo!!"; mileage with via-points, a passenger joining partway in the
# same sentence, an electric car, a trailer, "44 km each way", two passengers the whole way, a
# ferry and a toll in one answer, "was in the car the whole way", a trailer told afterwards; travel
# abroad with date ranges (Berlin, Copenhagen, Stockholm, Riga) and a return day moved; claims
# questions in dialect and mixed language; help on the username, My details, the tick, several
# attachments, the purpose left empty by Attach, the three claim types, «Legg til», «Lagre», the
# invitation; out of scope and small talk in new words. The helpers and regexes are gen.py's; the
# sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
PREV_MON = '({weekday-before:mon}|{weekday-before:mon:2})'
PREV_TUE = '({weekday-before:tue}|{weekday-before:tue:2})'
PREV_WED = '({weekday-before:wed}|{weekday-before:wed:2})'
PREV_FRI = '({weekday-before:fri}|{weekday-before:fri:2})'
BOAT = r'\b(ferje|ferge|ferry|hurtigbåt\w*|snøggbåt\w*|båt\w*|boat|transport)\b'

# ---- outlays in one message: chatty, terse, mixed, dialect, new amount and date shapes
outlay('o9-prat-nb','nb','Hei! Håper du har en fin dag 😊 Jeg var i Stavanger på kundemøte i går og tok taxi fra flyplassen til kontoret deres, det kostet 512 kr. Kan du hjelpe meg å føre det?','taxi',512,'{date:-1}',nots=[MIL],why='a chatty message with the facts buried in it')
outlay('o9-prat-en','en','Morning! Quick one – had to park at the hospital while visiting the client on Thursday, the machine charged me 84 NOK. Can you log it?','parking',84,'{weekday-before:thu}',why='"had to park … charged me" inside a chatty request')
outlay('o9-prat-nn','nn','Hei, eg var på synfaring i Førde sist fredag og måtte ta ferja Lavik–Oppedal, billetten kosta 212 kr. Kan du ta den med?','ferry',212,PREV_FRI,nots=[MIL],why='nynorsk story: "måtte ta ferja", a route of the ferry is no trip')
outlay('o9-prat-lang-nn','nn','Hei! Takk for sist. Eg var på messe på Lillestrøm tysdag og måtte parkere i parkeringshuset der heile dagen – det enda på 260 kr. Kan du føre det for meg?','parking',260,'{weekday-before:tue}',why='a long nynorsk message, "det enda på"')
outlay('o9-kr-strek-nb','nb','kr 1.049,- for hotellet i Kristiansand i går','hotel',1049,'{date:-1}',why='"kr 1.049,-": kr first, thousands dot, ",-"')
outlay('o9-kroner-nn','nn','1049 kroner for overnatting på Scandic Ørnen, fredag','hotel',1049,'{weekday-before:fri}',why='"1049 kroner" amount first, a hotel by name')
outlay('o9-punkt-strek-nn','nn','parkering 349.- laurdag','parking',349,'{weekday-before:sat}',why='"349.-" with a dot before the dash')
outlay('o9-trikk-nn','nn','trikkebillett i Trondheim, 42 kr i dag','transport',42,'{date:0}',why='a tram ticket is transport')
outlay('o9-sist-fredag-nb','nb','middag med kunden sist fredag, 1 380 kr','meal',1380,PREV_FRI,why='"sist fredag"')
outlay('o9-den-30-nn','nn','parkering på Flesland den 30., 245 kr','parking',245,'{date:11-30}',why='"den 30." is last month\'s 30th')
outlay('o9-30te-nb','nb','taxi 30te nov 466 kr','taxi',466,'{date:11-30}',nots=['{amount:30}'],why='"30te nov" (the ordinal written "te")')
outlay('o9-lor-nb','nb','taxi 289 lør','taxi',289,'{weekday-before:sat}',why='terse phone message, "lør" after the amount')
outlay('o9-this-morning-en','en','breakfast at Gardermoen 189 NOK this morning','meal',189,'{date:0}',why='"this morning"')
outlay('o9-mix-parking-nb','nb','kan du registrere parking 120 NOK yesterday?','parking',120,'{date:-1}',why='a Norwegian request with the facts in English')
outlay('o9-mix-taxi-en','en','taxi from Gardermoen til kontoret, 689 kr i går','taxi',689,'{date:-1}',nots=[MIL],why='English start, Norwegian end')
outlay('o9-mix-need-nb','nb','jeg need to claim en hotellnatt, 1 390 kr, fredag','hotel',1390,'{weekday-before:fri}',why='English verb in a Norwegian sentence, "hotellnatt"')
outlay('o9-dialekt-nord-nb','nb','æ va på kundemøte i Tromsø i går og tok taxi, kosta 345 kr','taxi',345,'{date:-1}',why='northern dialect: "æ va", "kosta"')
outlay('o9-dialekt-mae-nb','nb','kan du føre ei parkering for mæ? 75 kr i dag på Torget','parking',75,'{date:0}',why='dialect "mæ", the facts after the question')
outlay('o9-usd-en','en','taxi at JFK USD 58.20 Tuesday','taxi',58.2,'{weekday-before:tue}',[r'(\bUSD\b|\$)'],why='US dollars abroad')
outlay('o9-eur-nn','nn','frukost på flyplassen i Amsterdam, 14,50 euro, i går','meal',14.5,'{date:-1}',[r'(\bEUR\b|€)'],why='"14,50 euro" written out, nynorsk "frukost"')
outlay('o9-emoji-taxi-en','en','taxi 🚕 312 NOK yesterday','taxi',312,'{date:-1}',why='an emoji between the kind and the amount')
outlay('o9-uten-aeoe-nb','nb','bompassering pa E18 i gar 27 kr','toll',27,'{date:-1}',nots=['{amount:18}'],why='no æøå; a road number is no amount')
outlay('o9-vy-nb','nb','Vy-billett Oslo S–Hamar 289 kr tirsdag','transport',289,'{weekday-before:tue}',nots=[MIL],why='a ticket by the train operator\'s name, a route of the train')
add('o9-snoggbat-nn','nn','snøggbåt frå Bergen til Stord, 310 kr, måndag',[OUT,BOAT,'{amount:310}','{weekday-before:mon}'],[MIL],why='a fast boat ticket is a ferry or transport')
outlay('o9-petrol-en','en','filled up petrol for the pool car, 812 NOK, Friday','fuel',812,'{weekday-before:fri}',why='"petrol", a pool car')
outlay('o9-last-night-en','en','last night: cab from Aker Brygge home, 287 NOK','taxi',287,'{date:-1}',nots=[MIL],why='"last night:" as a heading')
outlay('o9-glued-en','en','parking NOK85 yesterday','parking',85,'{date:-1}',why='the currency glued to the figure')
outlay('o9-tusenlapp-nb','nb','betalte en tusenlapp for hotellet i går','hotel',1000,'{date:-1}',why='"en tusenlapp" is 1 000 kr',stretch=True)
outlay('o9-k-nb','nb','hotell 1,2k i går','hotel',1200,'{date:-1}',why='"1,2k" is 1 200',stretch=True)
outlay('o9-nyttaar-nb','nb','taxi hjem fra jobb nyttårsaften 799 kr','taxi',799,'{date:2025-12-31}',why='"nyttårsaften" is 31 December (last year\'s)',stretch=True)
outlay('o9-p-nb','nb','p 45 idag','parking',45,'{date:0}',why='"p" for parking on a phone',stretch=True)
outlay('o9-tredje-nb','nb','parkering 120 kr tredje desember','parking',120,'{date:12-03}',why='the day of the month in words',stretch=True)

# ---- several expenses in one message, in new shapes
add('l9-begge-nb','nb','taxi til flyplassen 420 kr, flybuss tilbake 189 kr, begge i går',[LIST,'{amount:420}','{amount:189}','{date:-1}'],[MIL],why='"begge i går" dates both')
add('l9-colon-en','en','yesterday: cab 260, lunch 145',[LIST,'{amount:260}','{amount:145}','{date:-1}'],why='the day as a heading with a colon, amounts without currency')
add('l9-samt-nb','nb','hotell 1 290 kr samt parkering 180 kr i går',[LIST,K['hotel'],K['parking'],'{amount:1290}','{amount:180}','{date:-1}'],why='"samt" between two expenses')
add('l9-ampersand-en','en','taxi 210 & lunch 160 today',[LIST,'{amount:210}','{amount:160}','{date:0}'],why='"&" between two expenses')
add('l9-kvitteringar-nn','nn','kvitteringar frå turen: drosje 355, hotell 1 490, middag 612, alt førre tysdag',[LIST,'{amount:355}','{amount:1490}','{amount:612}',PREV_TUE],why='a label, three expenses, the day last')
add('l9-toll-of-en','en','two things from today: parking 90 NOK and a toll of 38',[LIST,K['parking'],K['toll'],'{amount:90}','{amount:38}','{date:0}'],why='"a toll of 38"')
add('l9-parentes-nb','nb','Hei igjen! Var på kurs i Bergen forrige uke. Betalte flybussen selv (179 kr) og en middag på 455 kr onsdag kveld.',[LIST,'{amount:179}','{amount:455}'],[MIL],why='a story with two expenses, one amount in brackets')

# ---- the bot's questions answered, turn by turn
outlay('f9-kvittering-sier-nb','nb',['må legge inn en taxi fra i går kveld','kvitteringen sier 436','sen kundemiddag'],'taxi',436,'{date:-1}',[r'sen kundemiddag'],nots=[purpose_not('kvitteringen')],why='"kvitteringen sier 436" answers the amount')
outlay('f9-terse-en','en',['hotel Tuesday','1290','conference in Oslo'],'hotel',1290,'{weekday-before:tue}',[r'conference in Oslo'],why='terse: a kind and a day, a bare figure, the purpose')
outlay('f9-trur-nn','nn',['parkering i dag','hm, trur det var 120 kr eller noko','kurs hjå Statnett'],'parking',120,'{date:0}',[r'kurs hjå Statnett'],nots=[purpose_not('hm')],why='a hesitant answer with the amount inside')
outlay('f9-mix-en','en',['need to log a taxi from Tuesday','389 kroner','møte med kunden i Drammen'],'taxi',389,'{weekday-before:tue}',[r'møte med kunden'],why='English request, Norwegian answers')
mileage('f9-hver-vei-nb','nb',['kjørte til Moss i går','62 km hver vei','fra kontoret på Skøyen','befaring hos Moss Havn'],124,[kr(124)],['{date:-1}',r'befaring hos Moss Havn'],nots=[purpose_not('fra')],why='"62 km hver vei" answers the km (doubled), then the start, then the purpose')
mileage('f9-office-en','en',['drove to the Fredrikstad office on Wednesday','about 95 km','from home','quarterly review'],95,[kr(95)],['{weekday-before:wed}',r'quarterly review'],nots=[purpose_not('from')],why='each answer in the user\'s words')
mileage('f9-heime-nn','nn',['køyrde til Førde sist tysdag','97 km','frå heime','kundemøte hjå Fjord1'],97,[kr(97)],[PREV_TUE,r'Fjord1'],nots=[purpose_not('frå heime')],why='"frå heime" as the start')

# ---- corrections, before and after the purpose
outlay('c9-tastefeil-nb','nb',['taxi 340 kr i går','beklager, tastefeil: 304'],'taxi',304,'{date:-1}',nots=['{amount:340}',purpose_not('beklager')],why='"beklager, tastefeil:" then the figure')
outlay('c9-not-today-en','en',['parking 85 NOK today','it was on Thursday, not today'],'parking',85,'{weekday-before:thu}',nots=['{date:0}',purpose_not('it was')],why='the right day, then the wrong one')
outlay('c9-hotell-nn','nn',['middag 640 kr i går','det var hotell, ikkje middag'],'hotel',640,'{date:-1}',nots=[purpose_not('det var')],why='the kind corrected, the right one first')
outlay('c9-skulle-ferje-nb','nb',['bompenger 48 kr i dag','feil, skulle vært ferje'],'ferry',48,'{date:0}',nots=[purpose_not('feil')],why='"feil, skulle vært ferje"')
mileage('c9-no-wait-en','en',['drove 48 km from Oslo to Asker today','no wait, 42 km'],42,[kr(42)],['{date:0}'],nots=[km(48),purpose_not('no wait')],why='"no wait, 42 km"')
mileage('c9-korriger-nb','nb',['kjørte 93 km Oslo–Eidsvoll i dag','korriger til 39 km'],39,[kr(39)],['{date:0}'],nots=[km(93),purpose_not('korriger')],why='"korriger til 39 km"')
outlay('c9-etter-belop-nb','nb',['taxi 412 kr i går','seminar hos Sintef','forresten, beløpet var 421'],'taxi',421,'{date:-1}',[r'seminar hos Sintef'],nots=['{amount:412}'],why='the amount corrected after the purpose, "forresten"')
outlay('c9-etter-dato-nn','nn',['parkering 60 kr i dag','kundemøte på Voss','å nei, det var i går'],'parking',60,'{date:-1}',[r'kundemøte på Voss'],nots=['{date:0}'],why='the date corrected after the purpose')
outlay('c9-etter-art-en','en',['taxi 152 NOK today','meeting at the Skøyen office','sorry, it was the ferry, not a taxi'],'ferry',152,'{date:0}',[r'Skøyen office'],why='the kind corrected after the purpose')
mileage('c9-etter-km-nn','nn',['køyrde 27 km frå Bergen til Arna i dag','montering av ventilasjon','det var visst 31 km'],31,[kr(31)],['{date:0}',r'montering av ventilasjon'],nots=[km(27)],why='"det var visst 31 km" after the purpose')
outlay('c9-etter-formal-en','en',['lunch 380 NOK today','client lunch','actually make the purpose "onboarding of new hire"'],'meal',380,'{date:0}',[r'onboarding of new hire'],nots=[purpose_not('client lunch')],why='the purpose replaced after it was given')
outlay('c9-dialekt-nn','nn',['drosje 530 kr i går','nei, det va 350 ikkje 530'],'taxi',350,'{date:-1}',nots=['{amount:530}',purpose_not('nei')],why='dialect "det va", the right figure first')

# ---- filing
add('x9-kjor-paa-nb','nb',['parkering Aker Brygge 210 kr i dag','kundemøte med DNB','kjør på, send inn'],[FILED],[],why='"kjør på, send inn"')
add('x9-ship-en','en',['toll 58 NOK yesterday','delivery to the Moss warehouse','ship it 🚀'],[FILED],[],why='"ship it" with an emoji')
add('x9-avgarde-nn','nn',['drosje 318 kr i går','kveldsmøte med styret','send han avgårde'],[FILED],[],why='"send han avgårde"')
add('x9-through-en','en',['lunch 245 NOK today','team lunch with the new hires','all good, send it through'],[FILED],[],why='"all good, send it through"')

# ---- cancel
add('x9-glem-hele-nb','nb',['taxi 260 kr i dag','glem hele utlegget'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('glem')],why='"glem hele utlegget"')
add('x9-berre-slett-nn','nn',['parkering 95 kr i dag','nei, dette blei feil – berre slett det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei')],why='a reason, then "berre slett det"')
add('x9-abort-en','en',['dinner 720 NOK yesterday','abort'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('abort')],why='"abort"')
add('x9-never-mind-en','en',['drove 32 km from Oslo to Lysaker today',"never mind that one, I'll do it later"],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('never')],why='"never mind that one" with a reason after')
add('x9-reise-nn','nn',['reiserekning for Ålesund 2.–4. desember','nei, eg fører ikkje den reisa likevel'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='a travel draft dropped in a sentence')
add('x9-kanseler-nb','nb',['lunsj 150 kr i dag','kanseler'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('kanseler')],why='a typo of "kanseller"')

# ---- undo
add('u9-meininga-nn','nn',['bompengar 36 kr i dag','avbryt','oi, det var ikkje meininga – angre'],[OUT,K['toll'],field(36)],[],why='a regret, then "angre"')
add('u9-faa-tilbake-nb','nb',['taxi 199 kr i går','slett','kan du få tilbake den jeg slettet?'],[OUT,K['taxi'],field(199)],[],why='undo asked as a question')
add('u9-undo-bang-en','en',['parking 140 NOK today','cancel','undo!!'],[OUT,K['parking'],field(140)],[],why='"undo!!"')
add('u9-siste-mil-nb','nb',['kjørte 40 km fra kontoret til Asker i dag','avbryt','angre det siste'],[MIL,field(40)],[OUT],why='"angre det siste" brings the trip back')

# ---- mileage
mileage('m9-via-nb','nb','kjørte egen bil Bodø–Fauske–Saltdal i går, 112 km',112,[kr(112)],['{date:-1}'],nots=[km(224)],why='"egen bil", a route through a town')
mileage('m9-underveis-nb','nb','kjørte 180 km fra Oslo til Lillehammer i går, Trine ble med fra Hamar de siste 60 km',180,[kr(180),kr(180)+60],[r'\bTrine\b','{date:-1}'],why='a passenger joining partway, in the same sentence')
mileage('m9-elbil-nb','nb','kjørte el-bilen fra kontoret til Jessheim og tilbake i dag, 64 km totalt',64,[kr(64)],['{date:0}'],nots=[km(128)],why='an electric car gets the car rate; "totalt" is the whole trip')
mileage('m9-tilhengar-nn','nn','køyrde med tilhengar frå Voss til Bergen i dag, 102 km',102,[kr(102),kr(102)+102],['{date:0}'],why='a trailer supplement 1 kr/km')
mileage('m9-each-way-en','en','drove my own car from the office in Trondheim to Orkanger and back yesterday, 44 km each way',88,[kr(88)],['{date:-1}'],why='"and back", "44 km each way"')
mileage('m9-sist-onsdag-nn','nn','køyrde 36 km frå kontoret til Ski sist onsdag',36,[kr(36)],[PREV_WED],why='"sist onsdag"')
mileage('m9-30te-nb','nb','kjøring 30te nov: Oslo–Lysaker t/r, 26 km totalt',26,[kr(26)],['{date:11-30}'],nots=[km(52)],why='"30te nov" as a label, "t/r … totalt"')
mileage('m9-to-heile-nn','nn','køyrde Ålesund–Molde i dag, 78 km, med Siv og Rune heile vegen',78,[kr(78),kr(78)+156],[r'\bSiv\b',r'\bRune\b','{date:0}'],why='two passengers "heile vegen"')
mileage('m9-te-nb','nb','æ kjørte 54 km fra kontoret te Harstad i dag',54,[kr(54)],['{date:0}'],why='dialect "æ", "te" for "til"')
mileage('m9-sandnes-en','en','took my car to the customer in Sandnes, 23 km from the Stavanger office, Friday',23,[kr(23)],['{weekday-before:fri}'],why='"took my car"')
mileage('m9-terse-nb','nb','km 46 kontor-Asker i dag',46,[kr(46)],['{date:0}'],why='terse phone: "km 46", a route with a hyphen')
mileage('m9-emoji-en','en','🚗 Oslo–Drammen 42 km today',42,[kr(42)],['{date:0}'],why='a car emoji, a route and km without a verb')
mileage('m9-to-passasjerer-nb','nb','kjørte 200 km Oslo–Gol i går, Kari hele veien og Per fra Hønefoss (110 km)',200,[kr(200),kr(200)+200+110],[r'\bKari\b',r'\bPer\b','{date:-1}'],why='two passengers, one with her own km',stretch=True)

# ---- mileage: things added to the trip
add('mf9-ferje-bom-nb','nb',['kjørte fra Sandefjord til Moss i dag, 71 km','hadde ferje Horten–Moss til 238 kr og bom 29 kr'],[MIL,K['ferry'],K['toll'],km(71),'{amount:376.3}','{amount:238}','{amount:29}','{amount:643.3}'],[OUT,purpose_not('hadde')],why='a ferry and a toll in one answer go on the trip')
add('mf9-whole-way-en','en',['drove 96 km from Oslo to Hamar yesterday','oh and Jonas was in the car the whole way'],[MIL,km(96),r'\bJonas\b','{amount:508.8}','{amount:604.8}'],[OUT,purpose_not('oh')],why='"was in the car the whole way" is a passenger')
add('mf9-tilhenger-nb','nb',['kjørte 58 km fra kontoret til gjenvinningsstasjonen i dag','glemte å si at jeg hadde tilhenger hele veien'],[MIL,km(58),'{amount:307.4}','{amount:365.4}'],[OUT,purpose_not('glemte')],why='a trailer told afterwards')
add('mf9-send-nb','nb',['kjørte 31 km fra Lysaker til Asker i dag','parkering 60','kundebesøk hos Asko','ok, send'],[FILED],[],why='parking on the trip, the purpose, "ok, send"')
add('mf9-hainn-nn','nn',['køyrde 88 km frå Trondheim til Orkanger i går','hainn Ola sat på heile vegen'],[MIL,km(88),r'\bOla\b','{amount:466.4}','{amount:554.4}'],[OUT,purpose_not('hainn')],why='dialect "hainn" before the passenger',stretch=True)

# ---- travel
add('t9-berlin-nb','nb','reiseregning: Berlin 16.–19. nov, messe',[TRV_FORM,r'Berlin','{date:11-16}','{date:11-19}'],[OUT,MIL],why='abroad, a label, a range with one month')
add('t9-copenhagen-en','en','business trip to Copenhagen Nov 23–25, need a travel claim',[TRV_FORM,r'(Copenhagen|København)','{date:11-23}','{date:11-25}'],[OUT,MIL],why='abroad, "Nov 23–25"')
add('t9-stockholm-nn','nn','reiserekning for tur til Stockholm frå måndag til onsdag førre veke',[TRV_FORM,r'Stockholm','{date:11-23}','{date:11-25}'],[OUT,MIL],why='a weekday span of last week')
add('t9-hammerfest-nb','nb','var i Hammerfest fra tirsdag til torsdag, trenger reiseregning',[TRV_FORM,r'Hammerfest','{date:12-01}','{date:12-03}'],[OUT,MIL],why='a weekday span of this week, the request last')
add('t9-gothenburg-en','en','Hi! I was at a conference in Gothenburg from Monday 30 Nov to Wednesday 2 Dec – how do I claim per diem for that?',[TRV+'|'+cites(r'5\.4')],[OUT,MIL],why='a trip told, then a how-to about per diem: the travel claim, or the guide\'s 5.4')
add('t9-heim-nn','nn',['reiserekning Tromsø 1.–3. des','nei, vi kom heim den 4.'],[TRV_FORM,'{date:12-01}','{date:12-04}'],[OUT,MIL],why='the return day moved by a day of the month')
add('t9-riga-nb','nb','ny reise til Riga, 24.11–27.11, kundeprosjekt',[TRV_FORM,r'Riga','{date:11-24}','{date:11-27}'],[OUT,MIL],why='abroad, "24.11–27.11"')

# ---- claims questions (a new user has none)
st('s9-betalt-ut-nb','nb','har dere betalt ut parkeringen fra forrige uke?','"betalt ut" a kind, with a time')
st('s9-ligg-inne-nn','nn','kor mange krav ligg inne hjå dykk no?','a count, "ligg inne"')
st('s9-reimbursed-en','en','did I get reimbursed for the Bergen hotel?','reimbursed, a kind and a town')
st('s9-this-month-en','en','what have I claimed this month?','what was claimed, a time')
st('s9-dialekt-nb','nb','ka har æ sendt inn?','dialect "ka har æ"')
st('s9-mix-nb','nb','har min claim blitt approved?','mixed language')
add('s9-penger-etter-nb','nb',['taxi 230 kr i dag','kveldsmøte med kunden','send inn','ok, og når får jeg pengene?'],[FILED,STATE],[],why='status of the claim just filed, asked as money')

# ---- help (the guide's section is cited)
hp('h9-brukernavn-nb','nb','er brukernavnet til Expense e-postadressen min?',r'1',r'e-?post\w*|e-?mail\w*|mailadress\w*','the username (1)')
hp('h9-my-details-en','en','where do I find My details in Expense?',r'2',r'arrow|pil\w*','My details behind the arrow (2)')
hp('h9-bilete-nn','nn','kva gjer eg etter at eg har teke bilete av kvitteringa i appen?',r'4\.1',r'hake\w*|tick|√','the tick after the photo (4.1)')
hp('h9-several-en','en','can I put both the parking and the ferry receipt on the same trip in Attach?',r'4\.1',r'several|flere|fleire|both|både','several attachments on one claim (4.1)')
hp('h9-formal-tomt-nb','nb','Formål-feltet ble ikke fylt ut fra Attach, er det en feil?',r'5\.2',r'Formål|Purpose','Attach fills all but the purpose (5.2)')
hp('h9-tre-typer-en','en','how many kinds of claims can I choose between in Expense?',r'5',r'three|\btre\b','three options (5)')
hp('h9-legg-til-nn','nn','kva knapp trykkjer eg på når eg er ferdig med ein passasjer?',r'5\.3',r'Legg til|\bAdd\b','«Legg til» for a passenger (5.3)')
hp('h9-travel-when-en','en','when should I use a travel claim and not just mileage?',r'5\.4',r'working hours|arbeidstid|per diem|diett\w*','travel is for per diem (5.4)')
hp('h9-lagre-nb','nb','hva trykker jeg på etter at jeg har skrevet beskrivelsen på startbildet?',r'5\.1',r'Lagre|Save','«Lagre» on the start screen (5.1)')
hp('h9-invitasjon-nn','nn','må eg legge ved invitasjonen til kurset?',r'5\.1|4\.1',r'invitasjon\w*|invitation','the invitation (5.1)')
hp('h9-dialekt-nb','nb','kossen laste æ ned appen te telefonen?',r'4',r'Attach','the app in dialect (4)')
add('h9-midt-i-nn','nn',['drosje 245 kr i dag','korleis legg eg ved bilete av kvitteringa?'],[cites(r'5\.2|4\.1|4'),'{amount:245}'],[purpose_not('korleis')],why='a how-to question while the outlay waits: answered, the draft shown again')
add('h9-kva-kan-du-nb','nb','ka kan du hjelpe mæ med?',[CAN],[ANY],why='what can you do, in dialect')

# ---- out of scope
oos('oos9-valuta-en','en',"what's the EUR to NOK exchange rate today?",'an exchange rate')
oos('oos9-klokka-nb','nb','ka e klokka?','the time, in dialect')
oos('oos9-handleliste-nn','nn','kan du lage ei handleliste til helga?','a shopping list')
oos('oos9-firmakort-nb','nb','kan du sjekke saldoen på firmakortet mitt?','the company card balance')
oos('oos9-flight-en','en','find me a cheap flight to Tromsø next Thursday','booking a flight is no outlay')

# ---- small talk
talk('talk9-hei-hei-nb','nb','hei hei 👋','greeting with emoji')
talk('talk9-gull-nn','nn','du e gull, takk','dialect thanks')
talk('talk9-god-helg-nn','nn','god helg!','wishing a good weekend')
talk('talk9-thx-en','en','thx!','terse thanks')

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-9.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
