# Writes cases-6.jsonl: the sixth batch, written before any change it leads to and without reading
# the code, as employees type: labels and requests around an outlay ("Utlegg: …", "kan du føre et
# utlegg på …", "I'd like to claim …"), full stops between the facts, "3 des", "onsdag denne uka",
# "natt til fredag", "til saman"; a trip said without its start or its km answered in the chat
# (the README: the bot asks where the trip started and how far), "fram og tilbake", "in total",
# "gave Lars a lift", passengers by initials after a label; cancel, undo and filing in new words.
# The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
FILED = r'\bRR-\d{4}-\d{4,}\b'
PREV_THU = '({weekday-before:thu}|{weekday-before:thu:2})'
FERRY_OR_BOAT = r'\b(ferje|ferge|ferry|hurtigbåt\w*|båt\w*|boat|transport)\b'
# A claim number the user does not have: the bot says nothing matches and shows what there is (none).
NOMATCH = NONE + r'|\b(fant|finner|finn|fann)( jeg| eg)? (ikke|ikkje)\b|\bno(t| such)?\b[^\n]{0,20}\b(found|match\w*)\b'
GUIDE = r'(user guide|brukerveiledning\w*|brukarrettleiing\w*)'

# ---- outlays in one message
outlay('o6-label-nb','nb','Utlegg: parkering, 145 kr, 3. desember','parking',145,'{date:12-03}',why='a label, then kind, amount and date set off by commas')
outlay('o6-fore-pa-nb','nb','kan du føre et utlegg på 230 kr for taxi i går?','taxi',230,'{date:-1}',why='a request in a question, "et utlegg på 230 kr for taxi"')
outlay('o6-kvittering-nb','nb','har en kvittering på 689 kr fra Circle K, drivstoff, fredag','fuel',689,'{weekday-before:fri}',why='"har en kvittering på", a station name with a lone letter, the kind after the shop')
outlay('o6-pavgift-nb','nb','parkeringsavgift 60kr 04.12','parking',60,'{date:12-04}',why='"parkeringsavgift", "60kr" glued, "04.12" with a leading zero')
outlay('o6-label-at-en','en','Expense: parking @ Oslo S, 165 NOK, Dec 3','parking',165,'{date:12-03}',why='"Expense:" label, "@" before a place, "Dec 3"')
outlay('o6-like-to-claim-en','en',"I'd like to claim 95 kr for parking yesterday",'parking',95,'{date:-1}',why='"I\'d like to claim" before the amount')
outlay('o6-eur-comma-en','en','€18,50 parking in Berlin on Thursday','parking',18.5,'{weekday-before:thu}',[r'(\bEUR\b|€)'],why='euro sign first with a decimal comma in an English sentence')
outlay('o6-natt-til-nb','nb','Quality Hotel Expo kr 1 045,- natt til fredag','hotel',1045,why='"kr 1 045,-"; the kind only in the hotel\'s name; "natt til fredag" names a night')
outlay('o6-taksi-nb','nb','taksi fra stasjonen til kunden 478 kr lørdag','taxi',478,'{weekday-before:sat}',nots=[MIL],why='typo "taksi"; "fra … til" on a taxi is no trip to drive')
outlay('o6-parkernig-nb','nb','parkernig 35 kr i dag','parking',35,'{date:0}',why='letters swapped in the kind')
outlay('o6-bompnger-nb','nb','bompnger pa E18 54 kr forrige torsdag','toll',54,PREV_THU,why='a letter dropped, "pa" without å, a road number, "forrige torsdag"')
outlay('o6-drosja-nn','nn','drosja frå hotellet til flyplassen kosta 412 kr i går','taxi',412,'{date:-1}',nots=[MIL],why='definite "drosja", "kosta"; a taxi route is no trip to drive')
outlay('o6-kosta-meg-nn','nn','parkeringa på Bryggen kosta meg 190 kroner i dag','parking',190,'{date:0}',why='"kosta meg … kroner"')
outlay('o6-aeha-nb','nb','æ ha betalt 160 kr for ferja i går','ferry',160,'{date:-1}',why='dialect "æ ha betalt", "ferja"')
outlay('o6-bevertning-nb','nb','bevertning kundemøte 1 240 kr 2. des','meal',1240,'{date:12-02}',why='"bevertning", space thousands, "2. des"')
outlay('o6-pizza-nn','nn','pizza til gjengen som jobba overtid, 589 kr fredag','meal',589,'{weekday-before:fri}',why='pizza for the team is a meal')
outlay('o6-leigebil-nn','nn','drivstoff til leigebilen 512,70','fuel',512.7,why='decimals without a currency and no date')
outlay('o6-supercharger-nb','nb','ladet bilen på Tesla supercharger 145 kr i går','fuel',145,'{date:-1}',why='charging as a verb')
outlay('o6-ruter-nb','nb','Ruter-billett 44 kr i dag','transport',44,'{date:0}',why='a local transit ticket by the operator\'s name')
add('o6-hurtigbat-nn','nn','hurtigbåt Bergen–Stord 395 kr måndag',[OUT,FERRY_OR_BOAT,'{amount:395}','{weekday-before:mon}'],[MIL],why='an express boat ticket (ferry or transport) with a route')
outlay('o6-gave-nb','nb','gave til kunde (vinflaske) 349 kr 1.12','other',349,'{date:12-01}',nots=[MIL],why='a gift is "other"; a remark in brackets')
outlay('o6-book-en','en','bought a book for the team library, 420 NOK, 2 Dec','other',420,'{date:12-02}',why='a book is "other"')
outlay('o6-usd-en','en','paid for a month of Miro, USD 10, on Monday','other',10,'{weekday-before:mon}',[r'(\bUSD\b|\$)'],why='a subscription in dollars; "a month" is no date')
outlay('o6-sek-first-nb','nb','SEK 320 middag i Stockholm torsdag','meal',320,'{weekday-before:thu}',[r'\bSEK\b'],why='currency code first in Norwegian')
outlay('o6-dkk-en','en','train Copenhagen airport to city 36,00 DKK yesterday','transport',36,'{date:-1}',[r'\bDKK\b'],nots=[MIL],why='"36,00 DKK"; a train route is no trip to drive')
outlay('o6-gbp-en','en','Heathrow Express train £25.00 on the 3rd','transport',25,'{date:12-03}',[r'(\bGBP\b|£)'],why='pound sign, "on the 3rd"')
outlay('o6-3-des-nb','nb','hotell i Trondheim 1 390 kr 3 des','hotel',1390,'{date:12-03}',why='"3 des" without a dot')
outlay('o6-dec-2nd-en','en','Hotel Norge Bergen, December 2nd, NOK 1,695','hotel',1695,'{date:12-02}',why='"December 2nd" before "NOK 1,695"')
outlay('o6-denne-uka-nb','nb','lunsj med leverandør onsdag denne uka, 318 kr','meal',318,'{weekday-before:wed}',why='"onsdag denne uka"')
outlay('o6-thu-slash-en','en','parking at the client Thu 3/12, 80 kr','parking',80,'{date:12-03}',why='abbreviated weekday with "3/12" day first')
outlay('o6-punktum-nb','nb','Taxi. 356 kr. I går.','taxi',356,'{date:-1}',why='full stops between the facts')
outlay('o6-eur-lower-en','en','lunch 12.50 eur today in amsterdam','meal',12.5,'{date:0}',[r'(\bEUR\b|€)'],why='lower-case "eur", the place last')
outlay('o6-til-saman-nn','nn','bom 2 passeringar, 44 kroner til saman, i dag','toll',44,'{date:0}',nots=['{amount:88}'],why='a count of passes with the total: no multiplier')
outlay('o6-chatty-nb','nb','Hei, jeg var på befaring i Drammen i går og måtte betale 75 kr for parkering der. Kan du ta den?','parking',75,'{date:-1}',nots=[MIL],why='a chatty message with a place and a day; no trip')
add('o6-list-dash-nb','nb','Taxi 289,- og hotell 1 190,- i går',[LIST,K['taxi'],K['hotel'],'{amount:289}','{amount:1190}','{date:-1}'],why='two expenses in ",-" amounts')
# the bot asks for the amount, the user answers, then the purpose
outlay('o6-ask-amount-nn','nn',['drosje frå Bergen stasjon til kontoret i går','det kosta 389 kroner','kundemøte i sentrum'],'taxi',389,'{date:-1}',[r'kundemøte i sentrum'],nots=[MIL],why='no amount: the bot asks, "det kosta 389 kroner" answers, then the purpose')
outlay('o6-ask-amount-en','en',['need to expense a hotel night in Bodø, checked out this morning','1 345','supplier audit'],'hotel',1345,'{date:0}',[r'supplier audit'],why='a bare figure with a space answers "how much?"')
outlay('o6-forty-en','en','parking, forty kroner, today','parking',40,'{date:0}',why='an English number word before "kroner"',stretch=True)
add('o6-list-plus-en','en','hotel 1 490 NOK + dinner 380 NOK yesterday',[LIST,'{amount:1490}','{amount:380}','{date:-1}'],why='two expenses joined by "+"',stretch=True)
outlay('o6-forrige-uke-nb','nb','taxi 267 kr tirsdag i forrige uke','taxi',267,'{date:11-24}',why='"tirsdag i forrige uke" is the Tuesday of last week',stretch=True)

# ---- mileage and travel
mileage('m6-fram-tilbake-nb','nb','kjørte fra Skøyen til Lysaker fram og tilbake i dag, 9 km hver vei',18,[95.4],['{date:0}'],why='"fram og tilbake" with "hver vei" doubles')
mileage('m6-in-total-en','en','return trip Oslo–Moss, 124 km in total, thursday',124,[657.2],['{weekday-before:thu}'],nots=[km(248)],why='"in total" on a return trip is not doubled')
mileage('m6-godtgjorelse-nb','nb','Kjøregodtgjørelse 18.11: Oslo–Lillehammer t/r, 2 x 168 km',336,[1780.8],['{date:11-18}'],nots=[km(672)],why='a label with the date, "t/r" and "2 x" counted once')
mileage('m6-km-first-nn','nn','46 km i dag, frå kontoret til kunden på Straume',46,[243.8],['{date:0}'],why='km first, no verb, lower-case places')
mileage('m6-ask-start-nb','nb',['kjørte 42 km til Drammen i går','fra kontoret i Oslo','kundemøte hos Glitre'],42,[222.6],['{date:-1}',r'Glitre'],nots=[purpose_not('fra kontoret')],why='no start: the bot asks where the trip started, "fra kontoret i Oslo" answers, then the purpose')
mileage('m6-ask-km-en','en',['drove from the office to the client in Asker today','31 km','contract signing'],31,[164.3],['{date:0}',r'contract signing'],why='no km: the bot asks, "31 km" answers, then the purpose')
mileage('m6-ask-km-nn','nn',['køyrde frå Os til Bergen sentrum i går','ca 27 km','møte med revisor'],27,[143.1],['{date:-1}',r'revisor'],why='a hedged "ca 27 km" answers the km')
mileage('m6-ask-both-nb','nb',['kjørte til kunden i Moss i dag','58 km fra kontoret','service på anlegget'],58,[307.4],['{date:0}',r'service på anlegget'],nots=[purpose_not('58')],why='no km and no start: one answer gives both')
add('m6-toll-park-nb','nb',['kjørte fra Lillestrøm til Hamar i dag, 96 km','bom 78 kr','parkering 60','kundemøte Nortura'],[MIL,km(96),'{amount:508.8}','{amount:78}','{amount:60}','{amount:646.8}',r'Nortura'],[OUT],why='a toll and parking on the trip before the purpose: 96 × 5,30 = 508,80, total 646,80')
add('m6-ferry-file-en','en',['drove from Bergen to Stord, 78 km, yesterday','ferry was 236 kr','site visit at Aker Solutions','file it'],[FILED],[],why='a ferry on the trip, the purpose, then "file it"')
mileage('m6-initials-nb','nb','kjørte Drammen–Kongsberg i går, 41 km, passasjerer: ML og TK',41,[217.3,299.3],[r'\bML\b',r'\bTK\b','{date:-1}'],why='two passengers by initials after a plural label: 217,30 + 2 × 41')
mileage('m6-sat-pa-nn','nn',['køyrde 74 km frå Førde til Florø i dag','Randi sat på heile vegen'],74,[392.2,466.2],[r'\bRandi\b'],nots=[purpose_not('Randi')],why='a passenger said afterwards in nynorsk: 392,20 + 74')
mileage('m6-lift-en','en','drove Sandvika–Hønefoss friday, 55 km, gave Lars a lift',55,[291.5,346.5],[r'\bLars\b','{weekday-before:fri}'],why='"gave Lars a lift" is a passenger')
mileage('m6-2025-nb','nb','kjøring 3. des 2025, Tromsø–Finnsnes, 148 km',148,[740],['{date:2025-12-03}'],nots=['{amount:784.4}'],why='last year: 148 × 5,00')
mileage('m6-mil-tr-nb','nb','kjørte 14 mil tur-retur Oslo–Kongsberg i går',140,[742],['{date:-1}'],nots=[km(280)],why='"14 mil tur-retur" is the whole trip')
add('t6-jobbtur-nb','nb','var på jobbtur til Ålesund 24.–26. nov, trenger reiseregning',[TRV],[OUT,MIL],why='"jobbtur", a range with the month once')
add('t6-dro-kom-nb','nb','diett for Bodø-turen: dro 30. nov, kom hjem 2. des',[TRV],[OUT,MIL],why='"dro … kom hjem" across two months')
add('t6-last-week-en','en','travel expenses for the Copenhagen trip, Tue–Thu last week',[TRV],[OUT,MIL],why='abbreviated weekday span of last week')
add('t6-hotell-nn','nn','reiserekning: Kristiansand, 1.–3. desember, overnatting på hotell',[TRV],[OUT,MIL],why='"overnatting på hotell" on a trip is no hotel outlay')
add('t6-hamburg-nb','nb','trenger reiseregning for Hamburg-reisen 16.–19. november',[TRV],[OUT,MIL],why='a trip abroad named as a compound')
mileage('m6-anleggsvei-nb','nb','kjørte 120 km fra Elverum til anlegget i Trysil i går, 20 km av det på anleggsvei',120,[636,656],['{date:-1}'],why='construction-road supplement: 636 + 20 × 1,00',stretch=True)
mileage('m6-trailer-en','en','drove 80 km from Oslo to the depot in Vestby today with a trailer',80,[424,504],['{date:0}'],why='trailer supplement: 424 + 80 × 1.00',stretch=True)
mileage('m6-last-km-en','en',['drove 110 km from Oslo to Gjøvik today','Tom joined for the last 25 km'],110,[583,608],[r'\bTom\b'],nots=[purpose_not('Tom')],why='a passenger with their own km, said afterwards: 583 + 25',stretch=True)
add('t6-prefill-en','en','per diem for Trondheim, left 30 Nov 07:00, home 2 Dec 19:00',[TRV_FORM,r'Trondheim','{date:11-30}','{date:12-02}'],[OUT,MIL],why='destination and both days with times pre-filled',stretch=True)

# ---- corrections, cancel, undo, filing
outlay('c6-endre-dato-nb','nb',['bompenger 39 kr i dag','kan du endre datoen til fredag?'],'toll',39,'{weekday-before:fri}',nots=['{date:0}',purpose_not('kan du')],why='a date correction asked as a question')
outlay('c6-nope-en','en',['hotel 1 150 NOK on the 2nd','nope, 1 510 NOK'],'hotel',1510,'{date:12-02}',nots=['{amount:1150}',purpose_not('nope')],why='"nope" and the new amount with its currency')
outlay('c6-oj-dato-nb','nb',['middag 640 kr i går','oj, det var 2. desember'],'meal',640,'{date:12-02}',nots=['{date:-1}',purpose_not('oj')],why='"oj, det var" a date')
outlay('c6-korriger-nn','nn',['parkering 45 kr i dag','korriger beløpet til 54 kr'],'parking',54,'{date:0}',nots=['{amount:45}',purpose_not('korriger')],why='"korriger beløpet til"')
outlay('c6-after-purpose-nn','nn',['drosje 280 kr i går','henta kunde på flyplassen','datoen skal vere fredag'],'taxi',280,'{weekday-before:fri}',[r'henta kunde'],nots=['{date:-1}'],why='the date corrected after the purpose; the purpose kept')
mileage('c6-glemte-hjem-nb','nb',['kjørte fra Bærum til Ås i dag, 38 km','oi, glemte turen hjem – 76 km totalt'],76,[402.8],['{date:0}'],nots=[km(38),purpose_not('oi')],why='the way home added as a new total')
add('c6-return-en','en',['travel claim Bergen Nov 24-26','return was actually the 27th'],[TRV_FORM,'{date:11-24}','{date:11-27}'],[OUT,MIL],why='"return was … the 27th" moves the return day')
add('c6-slett-det-nb','nb',['taxi 199 kr i dag','slett det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('slett')],why='"slett det"')
add('c6-discard-en','en',['lunch 87 NOK today','discard this'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('discard')],why='"discard this"')
add('c6-gloym-nn','nn',['hotell 990 kr i går','gløym det, eg fører det sjølv i Expense'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('gløym')],why='nynorsk "gløym det" with a reason after it')
add('c6-hele-greia-nb','nb',['kjørte fra Oslo til Ski i dag, 28 km','nei, avbryt hele greia'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('nei')],why='"avbryt hele greia" cancels the trip')
add('c6-kast-angre-nb','nb',['bompenger 28 kr i dag','kast det','nei vent, angre!'],[OUT,K['toll'],field(28)],[],why='"kast det", then "nei vent, angre!"')
# Corrected after the first run: undo brings back the draft's form (README), whose km field holds
# the figure as typed ("40"), not a summary line ("40 km").
add('c6-undo-mileage-en','en',['drove 40 km from Oslo to Asker today','cancel','undo'],[MIL,field(40),r'\bAsker\b'],[],why='undo brings back a cancelled mileage draft')
add('c6-ja-send-nb','nb',['parkering på Majorstuen 150 kr i dag','møte med Statsbygg','ja, send den inn'],[FILED],[],why='"ja, send den inn"')
add('c6-send-no-nn','nn',['togbillett 349 kr i går','fagdag i Bergen','send det inn no'],[FILED],[],why='nynorsk "send det inn no"')
add('c6-looks-good-en','en',['taxi 312 NOK today','client pitch at Equinor','looks good, submit it'],[FILED],[],why='"looks good, submit it"')

# ---- claims questions (a new user has none)
st('s6-okonomi-nb','nb','har økonomi godkjent reiseregningen min fra Tromsø?','finance as the subject, a place')
st('s6-when-paid-en','en','when will I get paid for my mileage?','"when will I get paid"')
st('s6-utlegga-nn','nn','kva er status på utlegga mine','nynorsk plural "utlegga"')
st('s6-noe-nytt-nb','nb','noe nytt på kravet mitt?','"noe nytt på"')
st('s6-kjoregodt-nb','nb','er kjøregodtgjørelsen utbetalt','mileage allowance paid, no question mark')
add('s6-number-en','en','has RR-2026-000042 been paid?',[NOMATCH],[SRC,ANY,GUIDE],why='a claim number the user does not have: nothing matches, no claims')
st('s6-this-year-en','en','how much have I claimed this year?','a sum this year')
st('s6-november-nn','nn','vis krava mine frå november','a month narrows the list')
st('s6-avvist-nn','nn','er det noko av mitt som er avvist?','rejected, "noko av mitt"')
st('s6-go-through-en','en','did my parking claim go through?','"go through" for approved')

# ---- help (the guide's section is cited)
hp('h6-safari-nb','nb','fungerer Expense i Safari?',r'1',r'Chrome','browser (1)')
hp('h6-reset-en','en',"I can't log in, where do I reset my password",r'3|1',r'connect\.visma\.com','reset the password (3)')
hp('h6-attach-passord-nn','nn','kva passord skal eg bruke i Attach-appen?',r'1|4\.1',r'Visma\.net|Expense','the app\'s password is Expense\'s (1)')
hp('h6-sprak-nb','nb','hvor bytter jeg språk i Expense?',r'2',r'Mine opplysning\w*|My details','language (2)')
hp('h6-kommentar-nb','nb','hvor skriver jeg hva kvitteringen gjelder når jeg tar bilde med appen?',r'4\.1',r'kommentar\w*','the comment field (4.1)')
hp('h6-first-en','en','what should I fill in first when I start a new claim?',r'5\.1',r'descri\w*|beskriv\w*','the start screen (5.1)')
hp('h6-stjerne-nn','nn','kva tyder den raude stjerna i skjemaet?',r'5\.3',r'rød\w*|raud\w*|red','the red star (5.3)')
hp('h6-help-icon-en','en','is there a help icon inside the expense form?',r'5',r'right|høyre|høgre','the help icon (5)')
hp('h6-travel-or-outlay-en','en','when should I pick travel instead of outlay?',r'5\.4',r'working hours|per diem|diett|arbeidstid','travel or outlay (5.4)')
hp('h6-skanne-nb','nb','kan jeg skanne kvitteringer med mobilen?',r'4|4\.1',r'Attach','scanning with the phone (4)')
hp('h6-computer-en','en','where do I click to attach a receipt from my computer?',r'5\.2',r'Legg ved fil|Attach file','attach a file (5.2)')

# ---- out of scope
oos('oos6-bestill-nb','nb','kan du bestille parkering på Gardermoen til neste uke?','booking parking is no parking outlay')
oos('oos6-klokka-nn','nn','kva er klokka?','the time')
oos('oos6-vat-en','en',"what's the VAT on restaurant meals in Norway?",'VAT is no meal outlay')
oos('oos6-euro-nn','nn','kor mykje er 1200 euro i kroner?','a conversion with an amount and a currency is no outlay')
oos('oos6-restaurant-en','en','can you recommend a restaurant in Bergen?','a recommendation')
oos('oos6-epost-nb','nb','hjelp meg å skrive en epost til sjefen min','writing an e-mail, led by "hjelp"')

# ---- small talk
talk('talk6-hallo-nb','nb','hallo','greeting')
talk('talk6-takk-nb','nb','takk skal du ha','thanks')
talk('talk6-takk-no-nn','nn','takk for no','nynorsk thanks')
talk('talk6-thanks-en','en','thanks a lot!','thanks')
talk('talk6-hi-en','en','hi 🙂','greeting with an emoji')
talk('talk6-ettermiddag-nb','nb','god ettermiddag','greeting')

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-6.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
