# Writes cases-5.jsonl: the fifth batch, written before any change it leads to and without reading
# the code, in situations the first four lack: the user answering the bot's questions turn by turn
# (an outlay without its amount, then the purpose, then "send inn"), tolls and parking added to a
# trip before its purpose, corrections after the summary, emoji, capitals, line breaks, mixed
# languages, "ca." / "stk." / ",-", dates such as "15/11", "15. nov", "nov 15", "the 15th".
# The helpers and regexes are gen.py's; the sentences are new.
import json
src = open('gen.py').read()
exec(src.split('out = sys.argv')[0])
cases.clear()
FILED = r'\bRR-\d{4}-\d{4,}\b'
PREV_MON = '({weekday-before:mon}|{weekday-before:mon:2})'
PREV_TUE = '({weekday-before:tue}|{weekday-before:tue:2})'
PREV_FRI = '({weekday-before:fri}|{weekday-before:fri:2})'

# ---- outlays in one message: capitals, emoji, line breaks, abbreviations, date shapes
outlay('o5-caps-nb','nb','PARKERING 250 KR I GÅR!!!','parking',250,'{date:-1}',why='all capitals and exclamation marks')
outlay('o5-emoji-taxi-nb','nb','taxi 🚕 389 kr i går','taxi',389,'{date:-1}',why='an emoji between the kind and the amount')
outlay('o5-lines-nb','nb','lunsj med kunde 😋\n412 kr\n2. des','meal',412,'{date:12-02}',why='kind, amount and date on separate lines')
outlay('o5-slash-hotel-en','en','Hotel Bristol 😴 2.150 NOK 15/11','hotel',2150,'{date:11-15}',why='"2.150 NOK", "15/11" day first, an emoji')
outlay('o5-dots-nb','nb','bompenger.... 44 kr..... i dag','toll',44,'{date:0}',why='runs of dots as punctuation')
outlay('o5-ca-nb','nb','Parkering ca. 180 kr i går','parking',180,'{date:-1}',why='"ca." before the amount')
outlay('o5-stk-nb','nb','2 stk. bussbillett à 45 kr i dag','transport',90,'{date:0}',why='"2 stk. … à 45 kr" is a unit price: 90')
outlay('o5-nights-total-nb','nb','hotell 12 500,- for 5 netter, sjekket ut 20.11','hotel',12500,'{date:11-20}',nots=['{amount:62500}'],why='"for 5 netter" after a total is no multiplier')
outlay('o5-fly-nov-nb','nb','fly Oslo-Tromsø 3 249,- 15. nov','transport',3249,'{date:11-15}',nots=[MIL],why='"3 249,-", "15. nov"')
outlay('o5-dot-date-nb','nb','Middag med styret 2 340 kr 15.11.','meal',2340,'{date:11-15}',why='"15.11." with a trailing dot')
outlay('o5-nov15-en','en','train ticket nov 15 NOK 899','transport',899,'{date:11-15}',why='"nov 15" month first, "NOK" before the amount')
outlay('o5-the15th-en','en','dinner with the board the 15th, 2,340 NOK','meal',2340,'{date:11-15}',why='"the 15th" is the most recent 15th; "2,340 NOK" thousands')
outlay('o5-forrige-man-nb','nb','parkering forrige mandag 160 kr','parking',160,PREV_MON,why='"forrige mandag" before the amount')
outlay('o5-last-tue-en','en','Parking at Oslo airport last Tuesday - 340 NOK','parking',340,'{weekday-before:tue}',why='"last Tuesday", a dash before the amount')
outlay('o5-forre-tys-nn','nn','drosje førre tysdag 276 kr','taxi',276,PREV_TUE,why='nynorsk "førre tysdag"')
outlay('o5-tre-dager-nb','nb','bensin 650 kr for tre dager siden','fuel',650,'{date:-3}',why='days counted back in words')
outlay('o5-days-ago-en','en','charged the company EV 2 days ago, 187 kr','fuel',187,'{date:-2}',why='"2 days ago", charging as fuel')
outlay('o5-brackets-nb','nb','ferjebillett 1 044 kr (med bil) 30. nov','ferry',1044,'{date:11-30}',why='a remark in brackets between amount and date')
outlay('o5-mix-taxi-en','en','taxi to kontoret 210 kr today','taxi',210,'{date:0}',nots=[MIL],why='a Norwegian word in an English sentence')
outlay('o5-mix-lunsj-en','en','lunsj with the client 560 NOK today','meal',560,'{date:0}',why='"lunsj" in English')
outlay('o5-mix-paid-nb','nb','paid parkering 95 kr i går','parking',95,'{date:-1}',why='an English verb in a Norwegian sentence')
outlay('o5-betala-nn','nn','betala 85 kr for parkeringa i går','parking',85,'{date:-1}',why='dialect "betala", definite "parkeringa"')
outlay('o5-te-motet-nn','nn','kjøpte mat te møtet, 640 kroner i dag','meal',640,'{date:0}',nots=[MIL],why='dialect "te" for "til" is no trip')
outlay('o5-bompengane-nn','nn','bompengane kosta 37 kr i dag','toll',37,'{date:0}',why='definite plural "bompengane"')
outlay('o5-vaernes-nn','nn','drosjetur frå Værnes, 720,- laurdag','taxi',720,'{weekday-before:sat}',nots=[MIL],why='"drosjetur frå" is no trip to drive')
outlay('o5-hdmi-nb','nb','kjøpte HDMI-kabel til møterommet 249 kr','other',249,why='equipment is "other"')
outlay('o5-porto-nb','nb','porto for å sende kontrakt til kunde, 86 kr i går','other',86,'{date:-1}',why='postage is "other"')
outlay('o5-caps-lading-nb','nb','EL-BIL LADING 312 KR','fuel',312,why='capitals, charging is fuel')
outlay('o5-flytoget-en','en','took the airport express train this morning, 230 kr','transport',230,'{date:0}',why='a train ticket in a sentence')
outlay('o5-hotel-3n-en','en','hotel 3 nights NOK 4,350 total, checked out on the 2nd','hotel',4350,'{date:12-02}',nots=['{amount:13050}'],why='"total" after the nights: no multiplier')
outlay('o5-nokm-nb','nb','taxi fra jobb til Gardermoen 4.12 kr 720','taxi',720,'{date:12-04}',nots=['{amount:4.12}',MIL],why='a date before "kr 720"')
outlay('o5-sloppy-en','en','uber 2 the office 189kr yest','taxi',189,'{date:-1}',why='"2" for "to", "yest" for yesterday')
outlay('o5-noaeo-nn','nn','parkering pa sjukehuset 120 kr i gar','parking',120,'{date:-1}',why='nynorsk without æøå')
outlay('o5-hours-nb','nb','parkering 3 timer à 45 kr i går','parking',135,'{date:-1}',why='hours at a unit price',stretch=True)
outlay('o5-ferje-2x-nb','nb','ferje Bastø t/r 2 x 212 kr i dag','ferry',424,'{date:0}',nots=[MIL],why='a return ferry ticket as "2 x"',stretch=True)

# ---- the bot asks for what is missing and the user answers turn by turn
outlay('f5-amount-later-nb','nb',['parkering ved Ullevål sykehus i dag','96 kr','møte med prosjektgruppa'],'parking',96,'{date:0}',[r'prosjektgruppa'],why='no amount: the bot asks, "96 kr" answers, then the purpose')
outlay('f5-amount-later-en','en',['need to claim a taxi from last night','312','late meeting with the US team'],'taxi',312,'{date:-1}',[r'US team'],why='a bare figure answers "how much?"; "last night" is yesterday')
outlay('f5-det-var-nn','nn',['eg betalte parkering på Haukeland','det var 64 kr','pasientmøte'],'parking',64,None,[r'pasientmøte'],why='"det var 64 kr" answers the amount')
outlay('f5-lunsj-team-nn','nn',['kjøpte lunsj til teamet i dag','1 150 kr','teamdag'],'meal',1150,'{date:0}',[r'teamdag'],why='thousands with a space as the answer')
add('f5-hotel-file-en','en',['hotel in Trondheim last night','NOK 1 890','customer workshop','file it'],[FILED],[],why='amount asked for, purpose, then typed "file it"')
add('f5-ferge-send-nb','nb',['ferge i gar','kr 132,-','befaring pa Nesodden','send inn!'],[FILED],[],why='no æøå, "kr 132,-" as the answer, "send inn!" with a mark')
outlay('f5-emoji-purpose-en','en',['parking 75 NOK today','client visit @ Aker BP 👍'],'parking',75,'{date:0}',[r'Aker BP'],why='a purpose with "@" and an emoji')
outlay('f5-ca-answer-nb','nb',['parkering','ca 150 tror jeg','kundemøte'],'parking',150,None,[r'kundemøte'],why='a hedged answer to "how much?"',stretch=True)
add('f5-caps-send-nb','nb',['TAXI 450 KR I GÅR','KUNDEMØTE HOS DNB','SEND INN'],[FILED],[],why='the whole flow in capitals')
outlay('f5-question-waiting-nb','nb',['lunsj 240 kr i dag','hmm, hva skriver jeg som formål?'],'meal',240,'{date:0}',nots=[purpose_not('hmm')],why='a question while the purpose is asked for is no purpose')

# ---- mileage with tolls and parking added before the purpose, then filed
add('mf5-toll-park-nb','nb',['kjørte til Fredrikstad i dag, 96 km','bompenger 58 kr','parkering 120','kundemøte hos Borregaard'],[MIL,km(96),'{amount:508.8}','{amount:58}','{amount:120}','{amount:686.8}',r'Borregaard'],[OUT],why='a toll and parking on the trip: 96 × 5,30 = 508,80, total 686,80')
add('mf5-file-en','en',['drove to the Skien office today, 137 km each way','paid a toll of 64 kr on the way','quarterly review with the Skien team','submit'],[FILED],[],why='a toll in a sentence, purpose, "submit"')
add('mf5-ferje-nn','nn',['køyrde 2 x 48 km til Sogndal i går','ferja kosta 96 kr','synfaring på anlegget','send inn'],[FILED],[],why='a ferry on the trip in nynorsk, then filed')
add('mf5-toll-check-en','en',['mileage: 62 km to Moss yesterday','tolls 2 x 27 kr','site inspection'],[MIL,km(62),'{amount:328.6}','{amount:54}'],[OUT],why='"tolls 2 x 27 kr" (54) on the trip (62 × 5,30 = 328,60)')
add('mf5-park-caps-nb','nb',['KJØRTE 35 KM TIL KUNDE I SANDVIKA I GÅR','PARKERING 60 KR','KUNDEMØTE','SEND INN'],[FILED],[],why='a mileage flow in capitals')
mileage('mf5-came-with-en','en',['drove 90 km to Hamar today','Kari came with me btw'],90,[477,567],[r'\bKari\b'],nots=[purpose_not('Kari')],why='a passenger said afterwards with "btw": 477 + 90 = 567')
mileage('mf5-siste-km-nb','nb',['kjørte 120 km til Hamar i går','Per satt på de siste 40 km'],120,[636,676],[r'\bPer\b'],nots=[purpose_not('Per')],why='a passenger with their own km, said afterwards: 636 + 40')

# ---- corrections after the summary (the purpose already given)
outlay('c5-amount-after-nb','nb',['taxi 340 kr i går','kundebesøk Equinor Fornebu','beløpet var feil, 430'],'taxi',430,'{date:-1}',[r'Equinor'],nots=['{amount:340}'],why='the amount corrected after the purpose; the purpose kept')
outlay('c5-2nd-en','en',['lunch 185 NOK the 3rd','team lunch w/ new hires','date should be the 2nd'],'meal',185,'{date:12-02}',[r'new hires'],nots=['{date:12-03}'],why='"the 2nd" corrects the date after the purpose')
outlay('c5-vent-nb','nb',['hotell 1 450 kr 15.11.','kurs i Bergen','nei vent, det var 16.11'],'hotel',1450,'{date:11-16}',[r'kurs i Bergen'],nots=['{date:11-15}'],why='"nei vent, det var" a date after the purpose')
outlay('c5-kind-nb','nb',['parkering 150 kr i dag','befaring','det var bompenger, ikke parkering'],'toll',150,'{date:0}',[r'befaring'],why='the kind corrected after the purpose',stretch=True)
mileage('c5-rettelse-nb','nb',['kjørte 74 km til Drøbak i går','leverte utstyr til kunde','rettelse: 47 km'],47,[249.1],['{date:-1}'],nots=[km(74)],why='"rettelse:" after the purpose')
outlay('c5-skulle-nn','nn',['ferje 210 kr i dag','skulle vore 120 kr'],'ferry',120,'{date:0}',nots=['{amount:210}',purpose_not('skulle')],why='nynorsk "skulle vore"')
outlay('c5-mixed-en','en',['parking 80 NOK today','oops det var 88'],'parking',88,'{date:0}',nots=['{amount:80}',purpose_not('oops')],why='an English "oops" and a Norwegian correction')
outlay('c5-igaar-nb','nb',['bompenger 29 kr i dag','glemte å si: det var i går'],'toll',29,'{date:-1}',nots=['{date:0}',purpose_not('glemte')],why='"glemte å si" before the date')
add('c5-travel-left-en','en',['travel claim for Oslo, 17 to 19 Nov','we actually left on the 16th'],[TRV_FORM,'{date:11-16}','{date:11-19}'],[OUT,MIL],why='the departure moved with "the 16th"')

# ---- mileage in one message
mileage('m5-route-pass-nb','nb','kjøring: kontoret → Gardermoen, 52 km, 15. nov, med Per',52,[275.6,327.6],[r'\bPer\b','{date:11-15}'],why='a label, an arrow, "15. nov", a passenger')
mileage('m5-rt-total-en','en','Drove 210 km round trip to Lillehammer last Tuesday',210,[1113],['{weekday-before:tue}'],nots=[km(420)],why='"210 km round trip" is the whole trip')
mileage('m5-privatbil-nb','nb','brukte privatbil t/r Kongsberg 2x84km forrige fredag',168,[890.4],[PREV_FRI],why='"privatbil", "2x84km" glued')
mileage('m5-mil-kvar-nn','nn','køyrde til Førde og heim, 11 mil kvar veg, i går',220,[1166],['{date:-1}'],why='"mil" with "kvar veg"')
mileage('m5-3-stops-en','en','mileage 3/12: home -> client in Ski -> office, 41 km',41,[217.3],['{date:12-03}'],why='three stops with ASCII arrows')
mileage('m5-tok-med-nb','nb','kjørte 65 km til Tønsberg i går og tok med meg Silje og Marius',65,[344.5,474.5],[r'\bSilje\b',r'\bMarius\b'],why='"tok med meg" two passengers')
mileage('m5-2025-en','en','drove 40 km to a client on 30 Dec 2025',40,[200],['{date:2025-12-30}'],why='last year: 5.00 per km')
mileage('m5-noaeo-nn','nn','koyrde 58 km til Bryne pa mandag',58,[307.4],['{weekday-before:mon}'],why='nynorsk without æøå')
mileage('m5-decimal-nb','nb','kjørte 18,5 km til Lysaker i dag',18.5,[98.05],['{date:0}'],why='km with decimals',stretch=True)

# ---- travel claims asked for in many shapes
add('t5-takk-nb','nb','Reiseregning takk 🙏 Stavanger 16.–18. nov',[TRV],[OUT,MIL],why='terse with an emoji')
add('t5-messe-nb','nb','var på messe i Lillestrøm 24/11–26/11, trenger diett',[TRV],[OUT,MIL],why='slash dates in a range, "trenger diett"')
add('t5-london-en','en','I was in London for work from 16 to 19 Nov, need to file travel expenses',[TRV],[OUT,MIL],why='abroad, "travel expenses"')
add('t5-caps-nb','nb','REISE BERGEN 2-4 DES',[TRV],[OUT,MIL],why='capitals, a day range')
add('t5-register-en','en','register a business trip to Tromsø, Nov 23 to Nov 25',[TRV],[OUT,MIL],why='"business trip", month-first range')
add('t5-lag-nn','nn','lag ei reiserekning for meg – Molde, måndag til onsdag',[TRV],[OUT,MIL],why='nynorsk imperative, weekday span')
add('t5-overnatting-nb','nb','tjenestereise Kristiansund 17.11.–19.11. med overnatting',[TRV],[OUT,MIL],why='"med overnatting" is no hotel outlay')
add('t5-hvordan-starte-en','en','how do i start a travel claim? was in Kirkenes last week',[TRV, SRC],[OUT,MIL],why='a how-to question with a trip: the guide answers (5.4) with a travel button',stretch=True)
add('t5-prefill-en','en','travel claim Tromsø nov 16-18',[TRV_FORM,r'Tromsø','{date:11-16}','{date:11-18}'],[OUT,MIL],why='destination and month-first range pre-filled',stretch=True)

# ---- claims questions (a new user has none)
st('s5-caps-nb','nb','STATUS PÅ UTLEGGENE MINE?','capitals')
st('s5-hotell-nb','nb','har dere betalt ut hotellet mitt fra Bergen?','"dere" asks finance')
st('s5-emoji-nn','nn','kva status har reiserekninga mi 🤔','emoji, no question mark')
st('s5-update-en','en','any update on my mileage claim from last week?','"any update on"')
st('s5-framleis-nn','nn','har eg noko som ventar på godkjenning framleis','"framleis" (still)')
st('s5-pls-en','en','show my claims pls','"pls"')
st('s5-ferry-en','en','has finance paid out the ferry tickets I sent in?','finance as the subject')
st('s5-levert-nb','nb','vis meg alt jeg har levert i desember','"levert" for filed, a month')
st('s5-count-nn','nn','kor mange reiserekningar har eg sendt i år?','a count this year')

# ---- help (the guide's section is cited)
hp('h5-avsender-nb','nb','hvilken e-postadresse kommer aktiveringsmailen fra?',r'1',r'do\.not\.reply','the sender of the activation mail (1)')
hp('h5-username-en','en',"what's my username for Expense?",r'1|4\.1',r'e-?mail','the username (1)')
hp('h5-hjelpeknapp-nn','nn','kvar finn eg hjelpeknappen når eg fyller ut reiserekninga?',r'5',r'høgre|oppe','the help button (5)')
hp('h5-red-star-en','en','which fields do I have to fill in on a mileage claim',r'5\.3',r'red|star|asterisk','required fields (5.3)')
hp('h5-skannet-nb','nb','kan jeg laste opp et skannet dokument i Attach?',r'4|4\.1',r'skann\w*','scanned documents (4)')
hp('h5-tap-en','en','after taking the picture in Attach, what do I tap?',r'4\.1',r'tick|check|√|hake','the tick (4.1)')
hp('h5-invitasjon-nb','nb','må jeg legge ved invitasjonen til kurset?',r'5\.1',r'invitasjon','the invitation (5.1)')
hp('h5-mix-en','en','where do I put parkering on a kjørebok claim?',r'5\.1',r'outlay|utlegg','parking on a mileage log, mixed languages (5.1)')
hp('h5-innstillingar-nn','nn','korleis endrar eg innstillingane mine?',r'2',r'mine opplysning\w*|pil\w*|namn\w*','settings (2)')
hp('h5-lagre-nb','nb','hva skjer når jeg trykker lagre på startbildet?',r'5\.1',r'detalj\w*','after "lagre" (5.1)')

# ---- out of scope
oos('oos5-permisjon-nb','nb','kan du skrive en søknad om permisjon for meg?','a leave application')
oos('oos5-joke-en','en','tell me a joke','a joke')
oos('oos5-minne-nn','nn','kan du minne meg på å levere reiserekninga på fredag?','a reminder request is no travel claim')
oos('oos5-percent-en','en',"what's 15% of 2400?",'arithmetic is no amount')
oos('oos5-sjef-nb','nb','hvem er sjefen for økonomiavdelingen?','who runs finance')
oos('oos5-order-lunch-en','en','can you order lunch for the meeting tomorrow?','ordering lunch is no meal outlay')

# ---- small talk
talk('talk5-heihei-nb','nb','hei hei 👋','greeting with an emoji')
talk('talk5-takk-caps-nb','nb','TAKK!!!','thanks in capitals')
talk('talk5-gull-nb','nb','tusen takk, du er gull','thanks with praise')
talk('talk5-morning-en','en','morning!','greeting')
talk('talk5-kveld-nn','nn','god kveld','greeting')
talk('talk5-cheers-en','en','cheers','thanks, British')

# ---- cancel / undo in new words
add('cmd5-drit-nb','nb',['drosje 245 kr i går','nei drit i det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('nei')],why='"drit i det"')
add('cmd5-forget-en','en',['hotel 1 200 NOK yesterday','forget it'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('forget')],why='"forget it"')
add('cmd5-slett-angre-nb','nb',['parkering 70 kr','slett utlegget','angre sletting'],[OUT,K['parking'],field(70)],[],why='"slett utlegget", then "angre sletting"')
add('cmd5-bry-nn','nn',['bompengar 33 kr i dag','ikkje bry deg om det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('ikkje')],why='"ikkje bry deg om det"')
add('cmd5-bring-back-en','en',['lunch 150 NOK today','cancel pls','oh wait, bring it back'],[OUT,K['meal'],field(150)],[],why='"cancel pls", "bring it back"')
add('cmd5-fjern-mil-nb','nb',['kjørte 40 km til Ski i dag','fjern kjøringen'],[CANCELLED],[r'"action":"mileage\.(file|submit)"',purpose_not('fjern')],why='"fjern kjøringen"')
add('cmd5-reise-nn','nn',['ny reise','avbryt reiserekninga'],[CANCELLED],[r'"action":"travel\.(file|submit|edit)"'],why='nynorsk "avbryt reiserekninga"')
add('cmd5-restore-en','en',['ferry 180 NOK today','delete','restore'],[OUT,K['ferry'],field(180)],[],why='"delete", "restore"')
add('cmd5-kanseller-nb','nb',['taxi 99 kr i dag','KANSELLER'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('KANSELLER')],why='"kanseller" in capitals')

ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open('cases-5.jsonl', 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
