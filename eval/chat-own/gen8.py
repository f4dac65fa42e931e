# Writes cases-8.jsonl: the eighth batch, written before any change it leads to and without reading
# the code, as employees type in situations the first seven lack: a clock time beside the amount
# ("kl 23.40"), two-digit years ("05.12.26", "3/12-26"), "Dec 3rd", "earlier today", "fredag som
# var", "sist måndag", "lørdag 5. des"; amounts as "Kr 1 095,00", "NOK 89,-", "1.250,– kr", "SEK
# 349:-", "£18.40", "kroner 450", "450 norske kroner", "60 nok"; phone and internet bills, course and
# conference fees, office supplies, a meal or parking *at* a hotel, "Flytoget", "hurtigruta", "ifm."
# and a purpose said in the same breath; lists with "+", numbered items, or a date for each line;
# the bot's questions answered with "det kosta", "like under 400", "fra jobben", "from my place";
# corrections as "beløpet skal være …", "ikke taxi men buss", "make that 420", "det skal stå 48 km",
# "ops, feil dag"; cancel, undo and filing as "forkast", "nullstill", "bin it", "drop it", "gjer om",
# "hent den tilbake", "send han inn", "submit pls", "fire it off"; mileage as "kjøregodtgjørelse",
# "privatbil", "samkjørte med", a route "om" a town, "Oslo – Ski – Oslo"; claims asked as "oversikt
# over …", "noko avvist?", "any of my claims rejected?", a claim number; help on the app, scanned
# documents, the browser, the black frame, eight characters; out of scope and small talk in new
# words. The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
PREV_MON = '({weekday-before:mon}|{weekday-before:mon:2})'
PREV_FRI = '({weekday-before:fri}|{weekday-before:fri:2})'
HOTEL_KIND = r'\b(Hotell|Overnatting|Hotel)\b(?!\w)'

# ---- outlays in one message
outlay('o8-klokke-nb','nb','taxi kl 23.40 i går, 389 kr','taxi',389,'{date:-1}',nots=['{amount:23.4}'],why='a clock time "kl 23.40" is no amount')
outlay('o8-klokke-en','en','cab home at 01:15 after the client event, 445 NOK, Saturday','taxi',445,'{weekday-before:sat}',nots=['{amount:1.15}','{amount:115}'],why='a time with a colon is no amount')
outlay('o8-to-siffer-nb','nb','parkering Bislett 05.12.26 kr 96','parking',96,'{date:12-05}',why='a two-digit year "05.12.26"')
outlay('o8-bindestrek-aar-nb','nb','bompenger 3/12-26 42 kr','toll',42,'{date:12-03}',why='"3/12-26" day/month-year as Norwegians write it')
outlay('o8-kr-desimal-nn','nn','Kr 1 095,00 for hotellet i Tromsø i går','hotel',1095,'{date:-1}',why='"Kr 1 095,00" capital K, öre written out, amount first')
outlay('o8-nok-strek-nn','nn','ferjebillett Halhjem–Sandvikvåg NOK 89,- førre fredag','ferry',89,PREV_FRI,nots=[MIL],why='"NOK 89,-", "førre fredag"')
outlay('o8-tankestrek-nn','nn','togbilletten Oslo–Bergen kosta 1.250,– kr 1. des.','transport',1250,'{date:12-01}',nots=[MIL],why='"1.250,–" with an en dash, "1. des." with a dot')
outlay('o8-sek-kolon-nb','nb','lunsj i Stockholm SEK 349:- onsdag','meal',349,'{weekday-before:wed}',[r'\bSEK\b'],why='Swedish ":-" after the amount')
outlay('o8-gbp-en','en','train from Heathrow to Paddington £18.40 on Dec 3rd','transport',18.4,'{date:12-03}',[r'(\bGBP\b|£)'],why='pound sign, "Dec 3rd"')
outlay('o8-kroner-foran-nn','nn','parkering ved kaia, kroner 75, i går','parking',75,'{date:-1}',why='"kroner" before the figure')
outlay('o8-norske-kroner-nb','nb','betalte 450 norske kroner for kurslitteratur i dag','other',450,'{date:0}',why='"norske kroner"; course books are "other"')
outlay('o8-nok-liten-nn','nn','parkering 60 nok i går','parking',60,'{date:-1}',why='"nok" in lower case is the currency after a figure')
outlay('o8-earlier-en','en','grabbed lunch with the new hire earlier today, 236 NOK','meal',236,'{date:0}',why='"earlier today", "grabbed lunch"')
outlay('o8-fredag-som-var-nb','nb','middag med styret fredag som var, 2 340 kr','meal',2340,PREV_FRI,why='"fredag som var" is last Friday')
outlay('o8-sist-mandag-nn','nn','bompengar på Rv 555 sist måndag, 37 kr','toll',37,PREV_MON,why='"sist måndag"')
outlay('o8-lordag-des-nb','nb','taxi fra Værnes lørdag 5. des 612 kr','taxi',612,'{date:12-05}',nots=[MIL],why='weekday beside "5. des" without a dot')
outlay('o8-mobil-nb','nb','mobilregning for november 399 kr','other',399,why='a phone bill is "other"')
outlay('o8-internett-nn','nn','internett på heimekontoret, 549 kr for desember','other',549,why='home-office internet is "other"; a month is no date to read as an amount')
outlay('o8-kursavgift-nb','nb','kursavgift Excel for viderekomne 2 490 kr 1.12','other',2490,'{date:12-01}',why='a course fee')
outlay('o8-conference-en','en','conference fee for NDC Oslo, NOK 4 900, paid on the 2nd','other',4900,'{date:12-02}',why='a conference fee, "paid on the 2nd"')
outlay('o8-blekk-nb','nb','blekkpatroner til skriveren på hjemmekontoret 459 kr i går','other',459,'{date:-1}',why='office supplies are "other"')
outlay('o8-dinner-hotel-en','en','dinner at the hotel 389 NOK yesterday','meal',389,'{date:-1}',nots=[HOTEL_KIND],why='a meal at the hotel is a meal, not a hotel')
outlay('o8-parkering-hotell-nn','nn','parkering på hotellet i Ålesund 150 kr i går','parking',150,'{date:-1}',nots=[HOTEL_KIND],why='parking at the hotel is parking')
outlay('o8-flytoget-en','en','Flytoget to Gardermoen 218 NOK today','transport',218,'{date:0}',nots=[MIL],why='the airport train by name')
outlay('o8-hurtigruta-nn','nn','billett med hurtigruta frå Bodø til Stamsund 1 140 kr 30.11','ferry',1140,'{date:11-30}',nots=[MIL],why='a coastal-steamer ticket is a ferry (or transport)')
outlay('o8-ifm-nb','nb','parkering ifm. kundemøte på Lysaker, 128 kr, i går','parking',128,'{date:-1}',why='"ifm." (in connection with) before a purpose')
outlay('o8-historie-nb','nb','Var på befaring i Drammen i går og måtte parkere, det kostet 96 kr','parking',96,'{date:-1}',nots=[MIL],why='a story: "måtte parkere … det kostet" is a parking outlay')
outlay('o8-restaurang-nb','nb','resturant med kunden 1 120kr tirsdag','meal',1120,'{weekday-before:tue}',why='typo "resturant"; a restaurant is a meal')
outlay('o8-diesel-sum-nn','nn','fylte diesel, sum 812,40, torsdag','fuel',812.4,'{weekday-before:thu}',why='"sum" before an amount without currency')
outlay('o8-emoji-pk-en','en','🅿️ 60 kr today','parking',60,'{date:0}',why='the parking sign emoji as the kind',stretch=True)
outlay('o8-kvittering-lim-nb','nb','Circle K Kolbotn\nDiesel 45,2 l\nSUM NOK 873,40\n03.12.2026 14:22','fuel',873.4,'{date:12-03}',nots=['{amount:45.2}','{amount:14.22}'],why='a receipt\'s text pasted line by line',stretch=True)
outlay('o8-tips-nb','nb','taxi 320 + 30 i tips i går','taxi',350,'{date:-1}',why='a tip added to the fare',stretch=True)
outlay('o8-easypark-nb','nb','EasyPark 84 kr i går','parking',84,'{date:-1}',why='a parking app\'s name as the only kind word',stretch=True)
outlay('o8-per-person-nb','nb','lunsj 185 kr per person, vi var 3, i dag','meal',555,'{date:0}',why='a price per person times the people',stretch=True)

# ---- several expenses in one message
add('l8-plus-sign-en','en','parking 60 + toll 42 yesterday',[LIST,K['parking'],K['toll'],'{amount:60}','{amount:42}','{date:-1}'],why='"+" between two expenses')
add('l8-nummerert-nb','nb','1) taxi 250 kr\n2) lunsj 180 kr\n3) parkering 95 kr\nalt i dag',[LIST,'{amount:250}','{amount:180}','{amount:95}','{date:0}'],why='numbered lines, the day last')
add('l8-hver-sin-dato-nb','nb','taxi 250 kr mandag og hotell 1 200 kr tirsdag',[LIST,'{amount:250}','{amount:1200}','{weekday-before:mon}','{weekday-before:tue}'],why='each expense its own day')
add('l8-plus-en','en','taxi NOK 310 plus dinner NOK 540 yesterday',[LIST,K['taxi'],'{amount:310}','{amount:540}','{date:-1}'],why='"plus" between two expenses')
add('l8-og-saa-nn','nn','i går hadde eg drosje 340 kr, så lunsj 155 kr og til slutt parkering 60 kr',[LIST,'{amount:340}','{amount:155}','{amount:60}','{date:-1}'],why='a told sequence, "så … og til slutt"')
add('l8-send-list-nb','nb',['parkering 80 og bom 35 i dag','servicebesøk hos kunde i Asker','send inn'],[FILED],[],why='a claim of two outlays given its purpose and filed')

# ---- the bot's questions answered, turn by turn
outlay('f8-kosta-nn','nn',['treng å føre parkering frå i dag','det kosta 140','møte med Statsbygg'],'parking',140,'{date:0}',[r'møte med Statsbygg'],why='"det kosta 140" answers the amount')
outlay('f8-like-under-nb','nb',['taxi fra Torp i natt','like under 400, 389 kr','flyforsinkelse etter messe i København'],'taxi',389,'({date:0}|{date:-1})',[r'flyforsinkelse'],why='"like under 400, 389 kr": the exact figure counts, not the rough one')
outlay('f8-was-en','en',['need to expense a hotel from Thursday','it was NOK 1 450','training at the Trondheim office'],'hotel',1450,'{weekday-before:thu}',[r'training at the Trondheim office'],why='"it was NOK 1 450" answers')
mileage('f8-fra-jobben-nb','nb',['kjørte 34 km til Ski i dag','fra jobben','montering hos kunde'],34,[kr(34)],['{date:0}',r'montering hos kunde'],nots=[purpose_not('fra jobben')],why='"fra jobben" answers where the trip started')
add('f8-my-place-en','en',['drove to Gjøvik yesterday, 126 km','from my place','training at the supplier','send it in'],[FILED],[],why='"from my place" as the start, the purpose, then "send it in"')
mileage('f8-km-svar-nn','nn',['køyrde frå kontoret til Knarvik i dag','omtrent 38 km','synfaring på byggeplassen'],38,[kr(38)],['{date:0}',r'synfaring'],nots=[purpose_not('omtrent')],why='"omtrent 38 km" answers the km')
add('f8-taxi-full-nb','nb',['taxi i går','389,-','kundemiddag med Equinor','jepp, send inn'],[FILED],[],why='kind and day only; ",-" answers, then purpose and "jepp, send inn"')
add('f8-parking-file-en','en',['parking yesterday','75 bucks','site inspection in Lillestrøm','ok, file it'],[FILED],[],why='"75 bucks" answers, then "ok, file it"')

# ---- corrections before and after the purpose
outlay('c8-skal-vere-nn','nn',['drosje 540 kr i går','beløpet skal vere 450'],'taxi',450,'{date:-1}',nots=['{amount:540}',purpose_not('beløpet')],why='"beløpet skal vere"')
outlay('c8-ikke-taxi-nb','nb',['taxi 45 kr i dag','ikke taxi men buss'],'transport',45,'{date:0}',nots=[purpose_not('ikke')],why='"ikke taxi men buss" changes the kind')
outlay('c8-make-that-en','en',['dinner 380 NOK yesterday','make that 420'],'meal',420,'{date:-1}',nots=['{amount:380}',purpose_not('make')],why='"make that 420"')
outlay('c8-feil-dag-nb','nb',['parkering 90 kr i dag','ops, feil dag. det var fredag'],'parking',90,'{weekday-before:fri}',nots=['{date:0}',purpose_not('ops')],why='"ops, feil dag" then the day')
outlay('c8-iforgaars-nn','nn',['lunsj 210 kr i går','det var i forgårs, ikkje i går'],'meal',210,'{date:-2}',nots=['{date:-1}',purpose_not('det var')],why='the right day, then the wrong one')
mileage('c8-skal-staa-nb','nb',['kjørte 84 km fra Oslo til Hønefoss i dag','det skal stå 48 km'],48,[kr(48)],['{date:0}'],nots=[km(84),purpose_not('det skal')],why='"det skal stå 48 km"')
outlay('c8-etter-formal-belop-nb','nb',['hotell 1 290 kr i går','kurs i Bergen','oi, beløpet var 1 390'],'hotel',1390,'{date:-1}',[r'kurs i Bergen'],nots=['{amount:1290}'],why='the amount corrected after the purpose')
outlay('c8-after-purpose-date-en','en',['parking 140 NOK today','client workshop at Fornebu','change the date to Thursday'],'parking',140,'{weekday-before:thu}',[r'client workshop'],nots=['{date:0}'],why='the date corrected after the purpose')
outlay('c8-etter-formal-art-nn','nn',['taxi 96 kr i dag','møte i Bergen sentrum','feil type, det var ferje'],'ferry',96,'{date:0}',[r'møte i Bergen sentrum'],why='the kind corrected after the purpose')
mileage('c8-etter-formal-km-en','en',['drove 62 km from Oslo to Drøbak today','meeting with the harbour office','sorry, it was 66 km'],66,[kr(66)],['{date:0}',r'harbour office'],nots=[km(62)],why='the km corrected after the purpose')
outlay('c8-formal-rett-nn','nn',['lunsj 240 kr i dag','kundemøte','føremålet skal vere lunsj med ny kunde frå Moss'],'meal',240,'{date:0}',[r'ny kunde frå Moss'],why='"formålet skal være" replaces the purpose')
outlay('c8-byttet-nb','nb',['parkering 1 290 kr i dag','byttet om sifrene, det var 129'],'parking',129,'{date:0}',nots=['{amount:1290}',purpose_not('byttet')],why='the reason first, the figure last')
outlay('c8-fix-amount-en','en',['taxi 1 120 NOK on Tuesday','fix the amount pls, should be 1 210'],'taxi',1210,'{weekday-before:tue}',nots=['{amount:1120}',purpose_not('fix')],why='"fix the amount pls, should be"')

# ---- cancel, undo, filing
add('x8-forkast-nb','nb',['taxi 310 kr i dag','forkast'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('forkast')],why='"forkast"')
add('x8-nullstill-nb','nb',['parkering 60 kr i dag','nullstill'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nullstill')],why='"nullstill" starts over')
add('x8-bin-en','en',['lunch 190 NOK today','bin it'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('bin')],why='"bin it"')
add('x8-drop-en','en',['drove 25 km to Asker today','drop it, wrong button'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('drop')],why='"drop it" with an excuse after')
add('x8-trenger-ikke-nb','nb',['hotell 1 100 kr i går','nei takk, trenger ikke den likevel'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei takk')],why='"trenger ikke den likevel" cancels')
add('x8-gjer-om-nn','nn',['bompengar 44 kr i dag','avbryt','gjer om'],[OUT,K['toll'],field(44)],[],why='"gjer om" (nynorsk undo) brings it back')
add('x8-hent-nb','nb',['taxi 420 kr i går','slett den','hent den tilbake'],[OUT,K['taxi'],field(420)],[],why='"hent den tilbake" after a delete')
add('x8-my-bad-en','en',['hotel 980 NOK yesterday','cancel','my bad, undo that'],[OUT,K['hotel'],field(980)],[],why='"my bad, undo that"')
add('x8-send-han-nn','nn',['drosje 260 kr i går','kundemøte hos Equinor','send han inn'],[FILED],[],why='nynorsk "send han inn"')
add('x8-submit-pls-en','en',['toll 64 NOK today','customer visit in Moss','submit pls'],[FILED],[],why='"submit pls"')
add('x8-fire-en','en',['taxi 289 NOK yesterday','late meeting at the Oslo office','great, fire it off'],[FILED],[],why='"fire it off"')
add('x8-avbryt-reise-nb','nb',['reiseregning for Tromsø 1.–3. desember','nei, glem reisen'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='"glem reisen" names the travel draft')

# ---- mileage
mileage('m8-godtgjorelse-nb','nb','kjøregodtgjørelse for 46 km til Drammen i går',46,[kr(46)],['{date:-1}'],why='"kjøregodtgjørelse for 46 km"')
mileage('m8-privatbil-nb','nb','brukte privatbil til kundebesøk i Lillestrøm i dag, 38 km tur/retur',38,[kr(38)],['{date:0}'],nots=[km(76)],why='"privatbil", "tur/retur" after the km is the whole trip')
mileage('m8-om-nn','nn','køyrde Oslo–Hamar om Gjøvik i går, 214 km',214,[kr(214)],[r'\bHamar\b','{date:-1}'],why='a route "om" (via) a town')
mileage('m8-three-places-en','en','mileage today: Oslo – Ski – Oslo, 52 km',52,[kr(52)],['{date:0}'],nots=[km(104)],why='a route back to the start with the total km')
mileage('m8-samkjorte-nb','nb','kjørte 88 km til Kongsberg i går, samkjørte med Per',88,[kr(88),kr(88)+88],[r'\bPer\b','{date:-1}'],why='"samkjørte med Per" is a passenger')
mileage('m8-put-km-en','en','put 84 km on my own car for the client visit in Tønsberg today',84,[kr(84)],['{date:0}'],why='"put 84 km on my own car"')
mileage('m8-kollega-nn','nn','køyrde eigen bil til Voss i går, 102 km, kollega Stine sat på',102,[kr(102),kr(102)+102],[r'\bStine\b','{date:-1}'],why='"kollega Stine sat på"')
mileage('m8-km-dato-iso-en','en','mileage 2026-12-02: Bergen to Os and back, 2 x 28 km',56,[kr(56)],['{date:12-02}'],nots=[km(112)],why='ISO date after a label, "2 x 28 km"')
mileage('m8-mil-nn','nn','køyrde 7 mil til Stord førre onsdag',70,[kr(70)],['({weekday-before:wed}|{weekday-before:wed:2})'],why='"7 mil", "førre onsdag"')
mileage('m8-to-passasjerer-en','en','drove Stavanger–Sandnes yesterday, 19 km, with colleagues Ola and Eva',19,[kr(19),kr(19)+38],[r'\bOla\b',r'\bEva\b','{date:-1}'],why='two passengers after "with colleagues"')
mileage('m8-tur-til-en','en','round trip to the Drammen plant on Friday, 41 km one way',82,[kr(82)],['{weekday-before:fri}'],why='"41 km one way" on a round trip doubles')
mileage('m8-turer-nb','nb','3 turer à 14 km til lageret i dag',42,[kr(42)],['{date:0}'],why='three trips of 14 km each',stretch=True)
mileage('m8-kmstand-nb','nb','kjørte til Hamar i går, km-stand fra 45 210 til 45 298',88,[kr(88)],['{date:-1}'],why='odometer readings give 88 km',stretch=True)

# ---- mileage: things added to the trip
add('mf8-pluss-bom-nb','nb',['kjørte 110 km fra Oslo til Tønsberg i dag','+ bom 46'],[MIL,K['toll'],km(110),'{amount:583}','{amount:46}','{amount:629}'],[OUT,purpose_not(r'\+')],why='"+ bom 46" adds a toll to the trip: 583 + 46')
add('mf8-also-parking-en','en',['drove 74 km from Oslo to Moss today','also paid 120 for parking there'],[MIL,K['parking'],km(74),'{amount:392.2}','{amount:120}','{amount:512.2}'],[OUT,purpose_not('also')],why='"also paid 120 for parking there" goes on the trip')
add('mf8-passeringar-nn','nn',['køyrde Bergen–Os i går, 28 km','husk bomringen òg, 2 passeringar à 19 kr'],[MIL,K['toll'],km(28),'{amount:148.4}','{amount:38}'],[OUT,purpose_not('husk')],why='"2 passeringar à 19 kr" = 38 on the trip')
add('mf8-ferje-send-nn','nn',['køyrde frå kontoret i Horten til Moss i dag, 22 km','ferje 238 kr','levering av utstyr til kunde','send inn'],[FILED],[],why='a ferry added, the purpose, filed')

# ---- travel
add('t8-maa-ha-nb','nb','Må ha reiseregning – Tromsø, mandag til torsdag forrige uke, kundeprosjekt',[TRV],[OUT,MIL],why='a dash, a weekday span of last week, the purpose last')
add('t8-messa-nn','nn','skal føre reise for messa på Lillestrøm 1.–3.12, overnatta 2 netter på hotell',[TRV_FORM,'{date:12-01}','{date:12-03}'],[OUT,MIL],why='nynorsk "overnatta", "1.–3.12"')
add('t8-first-third-en','en','travel claim for the Trondheim trip from the 1st to the 3rd',[TRV_FORM,r'Trondheim','{date:12-01}','{date:12-03}'],[OUT,MIL],why='"from the 1st to the 3rd" of this month')
add('t8-offsite-en','en','was at an offsite at Gol from Wednesday to Friday, can I get per diem?',[TRV+'|'+cites(r'5\.4')],[OUT,MIL],why='a trip told, then asked about per diem: the travel claim, or the guide\'s 5.4 (an entitlement question)')
add('t8-slash-nb','nb','reiseregning Bodø 30/11–2/12',[TRV_FORM,r'Bodø','{date:11-30}','{date:12-02}'],[OUT,MIL],why='dates as "30/11–2/12" across a month')
add('t8-klokke-nn','nn','tenestereise til Ålesund 24.11 kl 07.00 til 26.11 kl 18.30',[TRV_FORM,'{date:11-24}','{date:11-26}'],[OUT,MIL],why='times beside the dates are no amounts')
add('t8-work-trip-en','en','work trip to Kristiansand 16-18 Nov, stayed at the Radisson, need to claim it',[TRV],[OUT,MIL],why='"work trip", a hotel named is no hotel outlay')

# ---- claims questions (a new user has none)
st('s8-oversikt-nb','nb','oversikt over utleggene mine takk','"oversikt over"')
st('s8-avvist-nn','nn','er noko av det eg har sendt inn blitt avvist?','rejected, nynorsk')
st('s8-rejected-en','en','any of my claims rejected?','rejected, terse')
st('s8-utestaaende-nb','nb','hvor mye har jeg utestående hos dere?','"utestående" money')
st('s8-ikkje-sendt-nn','nn','har eg noko som ikkje er sendt inn?','drafts not filed')
add('s8-nummer-en','en',"what's the status of RR-2026-000123?",[NONE+r'|\b(fant|finner|finn|fann)( jeg| eg)? (ikke|ikkje)\b|\bno(t| such)?\b[^\n]{0,20}\b(found|match\w*)\b|\bRR-2026-000123\b'],[SRC,ANY],why='a claim number the user does not have')
add('s8-etter-innsending-nb','nb',['taxi 280 kr i går','kundemøte i Sandvika','send inn','vis kravene mine'],[FILED,'{amount:280}'],[],why='the list right after filing shows the claim')

# ---- help (the guide's section is cited)
hp('h8-skannet-nb','nb','kan jeg laste opp en skannet kvittering i stedet for bilde?',r'4|4\.1|5\.2',r'skann\w*|scann\w*|opplast\w*|laste opp','scanned documents (4)')
hp('h8-ny-app-nn','nn','må eg laste ned appen på nytt? eg har hatt han sidan 2018',r'4',r'2020','the app from before 2020 (4)')
hp('h8-browser-en','en','which browser should I use for Expense?',r'1',r'Chrome','the browser (1)')
hp('h8-black-frame-en','en','what do I do with the fields inside the black frame?',r'5\.1',r'svart\w* ramm\w*|black frame','the black frame (5.1)')
hp('h8-teikn-nn','nn','kor mange teikn må passordet ha?',r'1|3',r'åtte|8|eight','eight characters (1)')
hp('h8-comment-en','en','what should I write in the comment field in the Attach app?',r'4\.1',r'comment|kommentar','the comment field (4.1)')
hp('h8-stjerne-nn','nn','kva tyder den raude stjerna på køyreboka?',r'5\.3',r'stjerne|asterisk','the red asterisk (5.3)')
hp('h8-avsender-nb','nb','hvilken adresse kommer aktiveringseposten fra?',r'1',r'do\.not\.reply@visma\.net','the sender (1)')
add('h8-midt-i-en','en',['taxi 350 NOK yesterday','wait, do I need to attach the receipt?'],[cites(r'5\.2|4\.1|4'),'{amount:350}'],[purpose_not('wait')],why='a how-to question while the outlay waits: answered, the draft shown again')

# ---- out of scope
oos('oos8-bestill-taxi-nb','nb','kan du bestille en taxi til meg klokka 15?','ordering a taxi is no taxi outlay')
oos('oos8-oversett-en','en','translate this email to Norwegian for me please','translation')
oos('oos8-wifi-en','en',"what's the wifi password in the Bergen office?",'office IT')
oos('oos8-lunsj-nn','nn','kva er det til lunsj i kantina i dag?','the canteen menu is no meal outlay')
oos('oos8-ferie-nb','nb','hvor mange feriedager har jeg igjen?','holidays')

# ---- small talk
talk('talk8-heisann-nb','nb','heisann','greeting')
talk('talk8-god-kveld-nn','nn','god kveld','greeting, evening')
talk('talk8-cheers-en','en','cheers, that was quick','thanks')
talk('talk8-tusen-takk-nn','nn','tusen takk for hjelpa i dag 😊','thanks with emoji')
talk('talk8-perfekt-nb','nb','perfekt, takk!','acknowledgement and thanks')

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-8.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
