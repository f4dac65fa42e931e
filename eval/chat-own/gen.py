# Writes cases.jsonl from the table below (kept only while writing; the .jsonl is the set).
import json, sys
OUT = r'"action":"outlay\.(edit|cancel|submit|file)"'
# Several expenses in one message are one claim whose card acts on the claim and its lines.
LIST = r'"action":"claim\.(editLine|removeLine|cancel|submit|file)"'
# The form brought back by undo holds the amount as typed into its field ("75").
def field(n): return r'(?<![\d.,])%s(?:[.,]0+)?(?![\d.,])' % n
MIL = r'"action":"mileage\.(edit|cancel|submit|file)"'
TRV = r'"action":"travel\.(start|edit|cancel|submit|file)"'
TRV_FORM = r'"action":"travel\.(edit|cancel|submit|file)"'
ANY = r'"action":"(outlay|mileage|travel|claim)\.(edit|cancel|submit|file)"'
SRC = r'\b(Kilde|Kjelde|Source)\s*:'
NOTFOUND = r'(finner (jeg )?ikke|finn (eg )?ikkje|can.?t find|cannot find|could ?n.?t find|not in the (user )?guide)'
NONE = r'\b(ingen|inga|none|no|ikke noen|ikkje nokon|not any)\b[^\n]{0,40}\b(krav|claims?|utlegg|reise\w*)|\b(krav|claims?)\b[^\n]{0,40}\b(enn[åa]|enno|yet)\b'
CANCELLED = r'\b(avbrut\w*|avbrot\w*|cancel+ed|slett\w*|forkast\w*)\b'
K = {
 'parking': r'\b(parkering|parking)\b',
 'ferry': r'\b(ferje|ferge|ferry|ferjebillett|fergebillett)\b',
 'toll': r'\b(bompenger|bompengar|bomring|bompassering\w*|toll|road toll)\b',
 'taxi': r'\b(taxi|drosje|cab)\b',
 'meal': r'\b(mat|måltid|meal|food|servering|bevertning|middag|lunsj|dinner|lunch)\b',
 'hotel': r'\b(hotell|hotel|overnatting)\b',
 'fuel': r'\b(drivstoff|fuel|bensin|diesel|lading|charging)\b',
 'transport': r'\b(transport|tog|togbillett|buss|bussbillett|fly|flybillett|train|bus|flight|kollektiv\w*)\b',
 'other': r'\b(annet|anna|other)\b',
}
def km(n): return r'(?<![\d.,])%s(?:[.,]0+)?\s?km\b' % n
def purpose_not(text): return r'\b(Formål|Føremål|Purpose)\b[\s:]*' + text
cases = []
def add(id, lang, turns, expect, expectNot=(), why='', stretch=False):
    c = {'id': id, 'lang': lang, 'turns': turns if isinstance(turns, list) else [turns],
         'expect': list(expect), 'expectNot': list(expectNot), 'why': why}
    if stretch: c['stretch'] = True
    cases.append(c)
def outlay(id, lang, text, kind, amount, date=None, extra=(), why='', stretch=False, nots=()):
    e = [OUT, K[kind], '{amount:%s}' % amount] + ([date] if date else []) + list(extra)
    add(id, lang, text, e, nots, why, stretch)
def mileage(id, lang, text, kms, amounts, extra=(), why='', stretch=False, nots=()):
    e = [MIL, km(kms)] + ['{amount:%s}' % a for a in amounts] + list(extra)
    add(id, lang, text, e, [OUT] + list(nots), why, stretch)

# ---- outlays
outlay('o-park-aker-nb','nb','Parkering Aker brygge kr 210 i dag','parking',210,'{date:0}',why='parking, "kr" before the amount, "i dag"')
outlay('o-pavgift-nn','nn','p-avgift ved sjukehuset 74,50 kr igår','parking',74.5,'{date:-1}',why='"p-avgift", decimal comma, "igår" in one word')
outlay('o-park-dkk-en','en','parking in Copenhagen 120 DKK on Thursday','parking',120,'{weekday-before:thu}',[r'\bDKK\b'],why='foreign currency code after the number; "on Thursday" is the last Thursday')
outlay('o-bom-fre-nb','nb','bompenger 47 kr fredag','toll',47,'{weekday-before:fri}',why='toll dated with a bare weekday')
outlay('o-bomring-2x-nn','nn','bomring inn til Bergen 2 x 28 kr i dag','toll',56,'{date:0}',why='two passes "2 x 28 kr" = 56',stretch=True)
outlay('o-toll-en','en','road toll 36 NOK yesterday on the way to a client','toll',36,'{date:-1}',why='English road toll with extra words after the date')
outlay('o-taxy-typo-nb','nb','taxy fra Gardermoen 689 kr i går','taxi',689,'{date:-1}',why='typo "taxy" for taxi')
outlay('o-cab-tue-en','en','Cab to the office, 215 kr, Tuesday','taxi',215,'{weekday-before:tue}',why='"cab", amount and weekday set off by commas')
outlay('o-drosje-mandag-nn','nn','tok drosje frå Flesland, 540,- måndag','taxi',540,'{weekday-before:mon}',why='nynorsk drosje, ",-" whole kroner, bare weekday')
outlay('o-uber-eur-en','en','uber from the hotel to the airport 27.80 EUR on 2 Dec','taxi',27.8,'{date:12-02}',[r'(\bEUR\b|€)'],why='Uber ride in euros, decimal point, "2 Dec"')
outlay('o-lunsj-kunde-nb','nb','lunsj med kunden 456 kr 30.11','meal',456,'{date:11-30}',why='meal with a day.month date')
outlay('o-middag-nn','nn','middag med prosjektgruppa, 1 780 kroner, 1. desember','meal',1780,'{date:12-01}',why='space as thousands separator, "kroner", "1. desember"')
outlay('o-breakfast-en','en','breakfast at the airport 129 NOK this morning','meal',129,'{date:0}',why='"this morning" is today')
outlay('o-kaffe-noaeo-nb','nb','kaffe og rundstykke pa Narvesen 89 kr idag','meal',89,'{date:0}',why='no æøå ("pa"), "idag"; one meal, not a list')
outlay('o-hotel-sjekket-nb','nb','hotellet i Stavanger kostet 1890 kr, sjekket ut 3.12','hotel',1890,'{date:12-03}',why='hotel in a sentence with a verb, date "3.12"')
outlay('o-hotel-netter-nn','nn','hotell i Ålesund 3 netter à 1 050 kr','hotel',3150,why='unit price: 3 nights × 1 050 = 3 150')
outlay('o-hotel-nok-en','en','Hotel Clarion Trondheim NOK 2.340,00 on 25/11','hotel',2340,'{date:11-25}',why='"NOK 2.340,00" (dot thousands, comma decimals), "25/11" day first')
outlay('o-diesel-nb','nb','tanket diesel for 812 kr i går','fuel',812,'{date:-1}',why='fuel as a verb phrase')
outlay('o-ev-charging-en','en','EV charging 243 NOK yesterday','fuel',243,'{date:-1}',why='charging an electric car is fuel')
outlay('o-tog-tir-nb','nb','tog Oslo S–Drammen 136 kr tirsdag','transport',136,'{weekday-before:tue}',why='train with a route, bare weekday')
outlay('o-flybillett-nn','nn','flybillett Bergen–Tromsø 2 345 kr 28.11','transport',2345,'{date:11-28}',why='flight ticket, space thousands')
outlay('o-bus-wed-en','en','bus ticket to the airport 180 NOK last Wednesday','transport',180,'{weekday-before:wed}',why='"last Wednesday"')
outlay('o-trikk-nb','nb','trikkebillett 42 kr idag','transport',42,'{date:0}',why='tram ticket compound')
outlay('o-ferja-lordag-nb','nb','ferja Horten–Moss 238 kr på lørdag','ferry',238,'{weekday-before:sat}',why='"ferja" (definite form), "på lørdag"')
outlay('o-ferry-tau-en','en','ferry from Stavanger to Tau NOK 186 on Friday','ferry',186,'{weekday-before:fri}',why='currency code before the number')
outlay('o-blomster-nb','nb','kjøpte blomster til en kollega som har bursdag, 399 kr i dag','other',399,'{date:0}',why='a purchase of no kind is "other"')
outlay('o-adapter-en','en','bought a USB-C adapter for the workshop, 299 NOK yesterday','other',299,'{date:-1}',why='"other" outlay in English')
outlay('o-femti-nb','nb','parkering femti kroner i dag','parking',50,'{date:0}',why='amount in words before "kroner"')
outlay('o-tjue-nn','nn','bompengar tjue kroner i går','toll',20,'{date:-1}',why='nynorsk "bompengar", amount in words')
add('o-three-items-en','en','parking 95 kr, toll 44 kr and ferry 160 kr on Thursday',[LIST,K['parking'],K['toll'],K['ferry'],'{amount:95}','{amount:44}','{amount:160}','{weekday-before:thu}'],why='three expenses in one message become one claim with a line each')
add('o-two-items-nb','nb','bom 32 og parkering 150 i går',[LIST,K['toll'],K['parking'],'{amount:32}','{amount:150}','{date:-1}'],why='two expenses without currency, a day said once')
outlay('o-sek-nb','nb','middag i Göteborg 480 SEK forrige fredag','meal',480,'({weekday-before:fri}|{weekday-before:fri:2})',[r'\bSEK\b'],why='Swedish kronor, "forrige fredag" (either Friday)')
outlay('o-iforgars-nb','nb','parkering 65 kr iforgårs','parking',65,'{date:-2}',why='"iforgårs" in one word')
outlay('o-fulldate-en','en','hotel 1,450 NOK November 20, 2026','hotel',1450,'{date:2026-11-20}',why='US-style date and comma thousands')
outlay('o-dot-thousands-nb','nb','flybillett 3.450 kr 15.11.2026','transport',3450,'{date:2026-11-15}',why='"3.450" is three thousand four hundred and fifty')
outlay('o-taxi-dash-nb','nb','Taxi 1.089,- fra Torp i går','taxi',1089,'{date:-1}',why='"1.089,-" whole kroner with dot thousands')
outlay('o-lunch-usd-en','en','lunch with the vendor in Chicago $46.20 Monday','meal',46.2,'{weekday-before:mon}',[r'(\bUSD\b|\$)'],why='dollar sign before the amount')
outlay('o-parkering-etter-nn','nn','eg betalte 95 kr for parkering på flyplassen i går','parking',95,'{date:-1}',why='a full sentence with the amount before the kind')

# ---- corrections in the next turn
outlay('c-skulle-vaert-nb','nb',['taxi 320 kr i går','beklager, skulle vært 302'],'taxi',302,'{date:-1}',nots=['{amount:320}',purpose_not('beklager')],why='amount corrected without a currency')
outlay('c-sorry-en','en',['lunch 245 NOK today','sorry, it was 254'],'meal',254,'{date:0}',nots=['{amount:245}',purpose_not('sorry')],why='English amount correction')
outlay('c-vart-nn','nn',['bompengar 56 kr i dag','nei, det vart 65 kr'],'toll',65,nots=['{amount:56}',purpose_not('nei')],why='nynorsk "det vart"')
outlay('c-wrong-date-en','en',['parking 90 NOK today','wrong date - it was yesterday'],'parking',90,'{date:-1}',nots=['{date:0}',purpose_not('wrong date')],why='date correction to yesterday keeps the amount')
outlay('c-dato-nn','nn',['ferje 120 kr i dag','datoen er feil, skal vere 2. desember'],'ferry',120,'{date:12-02}',nots=['{date:0}',purpose_not('datoen')],why='nynorsk date correction with a day and month')
outlay('c-dato-nb','nb',['hotell 1450 kr i dag','nei, det var 30.11'],'hotel',1450,'{date:11-30}',nots=['{date:0}',purpose_not('nei')],why='a bare date after "nei, det var" corrects the date')
outlay('c-kind-en','en',['taxi 85 NOK today','actually it was parking, not a taxi'],'parking',85,nots=[purpose_not('actually')],why='kind correction keeps the amount',stretch=True)
outlay('c-endre-nb','nb',['parkering 200 kr i går','endre beløp til 180'],'parking',180,'{date:-1}',nots=['{amount:200}',purpose_not('endre')],why='"endre beløp til"')
mileage('c-mil-km-nb','nb',['kjørte 80 km til Hønefoss i går','nei, det var 86 km'],86,[455.8],['{date:-1}'],nots=[km(80),purpose_not('nei')],why='km correction on a mileage draft: 86 × 5,30')
add('c-travel-dest-nb','nb',['reiseregning for tur til Kristiansand 23.–25. november','nei, det var Arendal'],[TRV_FORM,r'\bArendal\b'],[OUT,MIL],why='destination corrected on a travel draft')
add('c-travel-return-en','en',['I need a travel claim for Bergen 16-18 November','no, we came back on 19 November'],[TRV_FORM,'{date:11-16}','{date:11-19}'],[OUT,MIL],why='return day corrected; departure kept',stretch=True)

# ---- a statement, or a purpose, while the bot waits for a purpose
outlay('n-og-bom-nb','nb',['parkering 60 kr i dag','og så bompenger 38 kr'],'toll',38,nots=[purpose_not('og så')],why='a second outlay while the purpose is asked for')
outlay('n-lunsj-nn','nn',['taxi 410 kr i går','lunsj 160 kr i går òg'],'meal',160,'{date:-1}',nots=[purpose_not('lunsj')],why='nynorsk second outlay with "òg"')
outlay('n-bus-en','en',['hotel 1200 NOK yesterday','oh and I paid 35 kr for the bus'],'transport',35,nots=[purpose_not('oh and')],why='second outlay in a sentence')
mileage('n-mileage-en','en',['taxi 300 NOK today','drove 40 km to Asker yesterday'],40,[212],['{date:-1}'],why='a mileage statement while an outlay waits for its purpose starts mileage',nots=[purpose_not('drove')])
add('n-toll-on-mileage-nb','nb',['kjørte 110 km til Fredrikstad i dag','betalte 76 kr i bompenger'],[MIL,'{amount:76}','{amount:583}'],[OUT,purpose_not('betalte')],why='a toll after a mileage statement goes on the mileage claim: 110 × 5,30 = 583')
outlay('p-purpose-nb','nb',['parkering 140 kr i går','kundebesøk hos DNB'],'parking',140,'{date:-1}',[r'kundebesøk hos DNB'],why='a short phrase is the purpose')
outlay('p-purpose-en','en',['taxi 220 NOK today','client dinner'],'taxi',220,'{date:0}',[r'client dinner'],why='"client dinner" answers the purpose; it is no new meal outlay (no amount)')

# ---- mileage
mileage('m-route-nb','nb','kjørte Lillestrøm–Gardermoen i dag 28 km',28,[148.4],[r'\bLillestrøm\b',r'\bGardermoen\b','{date:0}'],why='route with an en dash, km last')
mileage('m-2x-nb','nb','kjøring t/r Bærum–Oslo sentrum 2x17 km i går',34,[180.2],['{date:-1}'],why='"2x17 km" = 34 km')
mileage('m-kvar-veg-nn','nn','køyrde til Stord og heim att i går, 55 km kvar veg',110,[583],['{date:-1}'],why='nynorsk "heim att", "kvar veg": 110 km')
mileage('m-mil-nb','nb','kjørte 12 mil til Kongsvinger i går',120,[636],['{date:-1}'],why='Norwegian mil = 10 km')
mileage('m-each-way-en','en','round trip Oslo to Fredrikstad yesterday, 94 km each way',188,[996.4],[r'\bOslo\b',r'\bFredrikstad\b','{date:-1}'],why='"round trip … each way" doubles')
mileage('m-came-along-en','en','drove 70 km to Ski today, Lise came along',70,[371,441],[r'\bLise\b','{date:0}'],why='passenger "came along": 371 + 70 = 441')
mileage('m-satt-paa-nb','nb','kjørte 95 km til Moss i går, Jonas satt på',95,[503.5,598.5],[r'\bJonas\b','{date:-1}'],why='passenger "satt på": 503,50 + 95 = 598,50')
mileage('m-saman-med-nn','nn','køyrde 60 km til Voss i dag saman med Siv og Eirik',60,[318,438],[r'\bSiv\b',r'\bEirik\b','{date:0}'],why='two passengers "saman med": 318 + 2 × 60 = 438')
mileage('m-2025-nn','nn','køyrde 50 km Bergen–Os 12.09.2025',50,[250],['{date:2025-09-12}'],nots=['{amount:265}'],why='2025 rate 5,00 kr/km')
add('m-no-km-en','en','drove from Oslo to Drammen and back on Friday',[MIL,r'\bOslo\b',r'\bDrammen\b','{weekday-before:fri}'],[OUT],why='a trip without km starts mileage with route and date')
mileage('m-kilometer-nb','nb','kjøring 42 kilometer til kunde i Asker idag',42,[222.6],['{date:0}'],why='"kilometer" spelt out')
mileage('m-colon-en','en','mileage: 42km Oslo-Asker yesterday',42,[222.6],[r'\bOslo\b',r'\bAsker\b','{date:-1}'],why='"mileage:" label, "42km" glued')
mileage('m-anna-tom-en','en','drove Bergen-Voss with Anna and Tom yesterday, 105 km',105,[556.5,766.5],[r'\bAnna\b',r'\bTom\b','{date:-1}'],why='two passengers: 556.50 + 210 = 766.50')
mileage('m-totalt-nb','nb','kjørte til Tønsberg og tilbake i dag, 210 km totalt',210,[1113],['{date:0}'],nots=[km(420)],why='"og tilbake … totalt" is not doubled')
mileage('m-tur-retur-nokm-nb','nb','brukte egen bil tur retur Hamar, 2 x 61 km, på onsdag',122,[646.6],['{weekday-before:wed}'],why='"egen bil", "tur retur", "2 x 61 km"')
mileage('m-noaeo-nb','nb','kjorte 33 km til mote i Lorenskog pa tirsdag',33,[174.9],['{weekday-before:tue}'],why='no æøå anywhere')

# ---- travel
add('t-stavanger-nb','nb','kan du lage reiseregning for turen til Stavanger 10.–12. november?',[TRV],[OUT,MIL],why='a request for a travel claim in a question')
add('t-conference-en','en','I was at a conference in Copenhagen Monday to Wednesday last week and need to claim my travel',[TRV],[OUT,MIL],why='travel claim in a long English sentence')
add('t-kurs-bodo-nn','nn','treng reiserekning for kurset i Bodø 17.–19. november',[TRV],[OUT,MIL],why='nynorsk travel request with a range')
add('t-diett-prefill-nb','nb','skal ha diett for reisen til Trondheim fra 24. til 26. november',[TRV_FORM,r'Trondheim','{date:11-24}','{date:11-26}'],[OUT,MIL],why='per diem: destination and dates pre-filled',stretch=True)
add('t-stockholm-prefill-en','en','new travel claim: Oslo to Stockholm, Nov 16-18',[TRV_FORM,r'Stockholm','{date:11-16}','{date:11-18}'],[OUT,MIL],why='travel with "Nov 16-18"',stretch=True)
add('t-noaeo-nb','nb','ny reiseregning, var pa seminar i Tromso 2-3 des',[TRV],[OUT,MIL],why='no æøå; range "2-3 des" is no amount')
add('t-ny-reise-nb','nb','ny reise',[TRV],[OUT,MIL],why='the command')
add('t-tenestereise-nn','nn','eg var på tenestereise til Oslo tysdag til torsdag, kan eg føre det no?',[TRV],[OUT,MIL],why='nynorsk trip with a span of weekdays')

# ---- claims questions (a new user has none)
def st(id, lang, text, why): add(id, lang, text, [NONE], [SRC, ANY], why)
st('s-park-utbetalt-nb','nb','er parkeringen min utbetalt enda?','paid-or-not question about a kind')
st('s-sendt-nn','nn','kva krav har eg sendt inn?','nynorsk list question')
st('s-list-en','en','list my expense claims','imperative list request')
st('s-hotel-paid-en','en','have I been paid for the hotel yet?','payment question about a kind')
st('s-venter-nb','nb','hvor mange utlegg venter på godkjenning','count of waiting claims, no question mark')
st('s-mine-krav-nb','nb','mine krav','the command')
st('s-status-reise-nb','nb','status på reiseregningen min?','status of a travel claim, terse')
st('s-koyring-nn','nn','har eg fått utbetalt for køyringa til Voss?','a question naming a trip is no mileage statement')

# ---- help (the guide's section is cited)
def hp(id, lang, text, secs, content, why, stretch=False):
    add(id, lang, text, [r'\b(Kilde|Kjelde|Source)\b[^\n]{0,80}(?<![\d.])(%s)(?!\.?\d)' % secs, content], [ANY], why, stretch)
hp('h-logg-inn-nb','nb','hvor logger jeg inn på expense?',r'1',r'connect\.visma\.com','login (1)')
hp('h-language-en','en','can I change the language to english in visma expense',r'2',r'Mine opplysning\w*|My details','settings (2)')
hp('h-glomt-nn','nn','eg har gløymt passordet mitt',r'3|1',r'connect\.visma\.com','forgotten password (3)')
hp('h-phone-app-en','en','is there a phone app for receipts',r'4|4\.1',r'Attach','the app (4)')
hp('h-vedlegg-nb','nb','hvordan legger jeg ved kvittering på et utlegg?',r'5\.2|4\.1|4',r'Legg ved fil|Attach|Attach file','attaching a receipt (5.2)')
hp('h-passasjer-nn','nn','korleis legg eg til passasjer i køyreboka?',r'5\.3',r'initial\w*','passengers (5.3)')
hp('h-perdiem-en','en','when am I entitled to per diem?',r'5\.4',r'arbeidstid|working hours|per diem|diett','per diem (5.4)')
hp('h-bom-kjorebok-nb','nb','skal bompenger føres på kjøreboka eller som utlegg?',r'5\.1|5\.2',r'utlegg|outlay','tolls on a mileage log (5.1); a question, not a toll outlay')
hp('h-aktivere-nb','nb','fikk aldri eposten for å aktivere brukeren',r'1',r'søppelpost\w*|connect\.visma\.com','activation e-mail (1)')
hp('h-bytte-passord-en','en','where do i change my password once logged in',r'2|3',r'My details|Mine opplysning\w*|connect\.visma\.com','change password (2)')
add('r-km-en','en',"what's the mileage rate per km this year?",[r'5[.,]30'],[ANY],why='2026 car rate 5.30 kr/km')

# ---- out of scope
def oos(id, lang, text, why): add(id, lang, text, [r'\w{2,}'], [SRC, ANY], 'out of scope: ' + why)
oos('oos-regn-nb','nb','blir det regn i Bergen i morgen?','weather')
oos('oos-meeting-en','en','book a meeting room for 2 pm tomorrow','booking a room, with a time')
oos('oos-faktura-nn','nn','kan du sende fakturaen til kunden for meg?','invoicing a customer')
oos('oos-book-hotel-en','en','can you book me a hotel in Bergen for next week?','booking a hotel is no hotel outlay')
oos('oos-taxi-pris-nb','nb','hva koster en taxi fra Gardermoen til sentrum?','a taxi price question is no taxi outlay')
oos('oos-python-en','en','write me a python script that sorts a list','programming')

# ---- small talk
def talk(id, lang, text, why): add(id, lang, text, [r'\w{2,}'], [SRC, NOTFOUND, ANY], 'small talk: ' + why)
talk('talk-hello-en','en','hello there','greeting')
talk('talk-takk-nn','nn','takk for hjelpa','thanks in nynorsk')
talk('talk-god-morgen-nb','nb','god morgen!','greeting')
talk('talk-how-en','en','how are you?','how are you')
talk('talk-ok-nb','nb','ok flott','acknowledgement')

# ---- cancel / undo
add('cmd-glem-nb','nb',['taxi 200 kr i dag','glem det'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('glem')],why='"glem det" cancels the draft')
add('cmd-never-mind-en','en',['hotel 990 NOK yesterday','never mind, cancel that'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('never')],why='cancel in a sentence')
add('cmd-undo-nb','nb',['parkering 75 kr i dag','avbryt','angre'],[OUT,K['parking'],field(75)],[],why='"angre" brings the cancelled draft back')
add('cmd-avbryt-nn','nn',['bompengar 30 kr i dag','avbryt dette'],[CANCELLED],[r'"action":"outlay\.(file|submit)"',purpose_not('avbryt')],why='"avbryt dette"')
add('cmd-delete-undo-en','en',['ferry 140 NOK today','delete it','undo'],[OUT,K['ferry'],field(140)],[],why='delete then undo brings it back')

# Shared by the later batches' generators (gen8.py onwards), which take this helper part.
FILED = r'\bRR-\d{4}-\d{4,}\b'
def cites(secs): return r'\b(Kilde|Kjelde|Source)\b[^\n]{0,80}(?<![\d.])(%s)(?!\.?\d)' % secs
CAN = r'\b(utlegg\w*|kjøring\w*|køyring\w*|reise\w*|outlays?|mileage|travel|expenses?)\b'
STATE = r'\b(venter|ventar|sendt inn|innsendt|til godkjenning|submitted|waiting)\b'
def kr(km_):
    v = round(km_ * 5.30, 2)
    return int(v) if v == int(v) else v
def amt(v):
    v = round(v, 2)
    return int(v) if v == int(v) else v

out = sys.argv[1] if len(sys.argv) > 1 else 'cases.jsonl'
ids = [c['id'] for c in cases]; assert len(ids) == len(set(ids))
with open(out, 'w') as f:
    for c in cases: f.write(json.dumps(c, ensure_ascii=False) + '\n')
print(len(cases), 'cases,', sum(1 for c in cases if c.get('stretch')), 'stretch')
