### Oro, larm och kris (bot/services/concerns.py, crisis.py, concern_text.py,
### bot/telegram/features/risk.py). Larm är på coachens språk, meddelanden till den studerande
### på den studerandes språk. Samma id:n och attribut som i fi- och en-filerna.

## Nivåer och status

risk-level = Nivå
    .info = 🔵 För kännedom
    .concern = 🟡 Oro
    .urgent = 🟠 Brådskande
    .crisis = 🔴 KRIS
risk-status = Status
    .open = väntar på kvittering
    .acknowledged = kvitterad
    .contacted = kontakt tagen
    .followup = uppföljning
    .closed = avslutad
risk-weekday = Veckodag
    .d0 = mån
    .d1 = tis
    .d2 = ons
    .d3 = tor
    .d4 = fre
    .d5 = lör
    .d6 = sön
risk-when = { $day } { $date } kl. { $hh }.{ $mm }

## Larm till coachen

risk-alert-head = { $badge }: <b>{ $student }</b>
risk-alert-group = grupp { $group }
risk-alert-backup = ⏰ Coachen { $coach } har inte kvitterat detta i tid, så du får det som reservcoach.
risk-alert-backup-crisis = Du får detta genast också som reservcoach, eftersom det gäller en kris.
risk-alert-coordinator = ⏰ Ingen har kvitterat detta i tid (coach: { $coach }). Du får det som koordinator.
risk-alert-fallback = Den studerande har ingen coach som kan nås, så detta kom till dig.
risk-alert-nobody = ingen utsedd
risk-alert-deadline = Kvittera senast { $when }.
risk-alert-crisis-do = <b>Ta kontakt genast.</b> Om du misstänker akut fara, ring 112. Den studerande fick numren till kristelefonerna.
risk-alert-student-knows = { $student } vet att det här har förmedlats till dig.
risk-alert-updated = 🔄 Uppdaterat { $when }: ny information i ärendet.
risk-alert-again = 🔔 <b>Nytt krismeddelande { $when }</b> – läs och kvittera igen.
risk-alert-acked-you = ✅ Du kvitterade { $when }. Den studerande fick veta att du tar kontakt.
risk-alert-acked-other = ✅ { $name } kvitterade { $when } och tar kontakt.
risk-alert-moved = 🔁 Ärendet har flyttats: { $name } sköter det från { $when }.
risk-quote = Den studerande skrev: <i>”{ $text }”</i>
risk-quote-earlier = { $count ->
    [one] (Ett tidigare meddelande finns i ärendets uppgifter: /seuranta)
   *[other] ({ $count } tidigare meddelanden finns i ärendets uppgifter: /seuranta)
}
risk-button-ack = ✋ Jag tar kontakt
risk-button-log = 📝 Registrera kontakt
risk-button-handover = 🔁 Ge till en annan coach

## Fakta i larmet: bara det som behövs för att ta kontakt

risk-measure = Mätare
    .wellbeing = ork
    .studies = studier
    .belonging = samhörighet
    .absence = frånvaro
    .everyday = vardag
    .quitting = tankar på att avbryta
    .start = studiestarten
    .worries = bekymmer
    .help_known = vet vem man kan fråga om hjälp
    .workplace = känsla på arbetsplatsen
    .guidance = handledning på arbetsplatsen
    .safety = säkerhet på arbetsplatsen
    .workload = arbetsmängd
    .meaning = studiernas betydelse
    .trusted_adult = en vuxen att lita på i skolan
    .loneliness = ensamhet
    .field_change = tankar på att byta bransch
risk-fact-answer = { $label }: { $answer }
risk-fact-question = { $label } <i>{ $answer }</i>
risk-fact-same = { $label } { $answer } { $count ->
        [2] två gånger i rad
        [3] tre gånger i rad
       *[other] { $count } gånger i rad
    }
risk-fact-trend = { $label }: { $answers }
risk-fact-missed = { $count ->
        [one] 1 enkät
       *[other] { $count } enkäter
    } i rad obesvarade (pauser och lov räknas inte)
risk-fact-channel = önskar kontakt: { $how }

## Orsaker som flödena inte definierar

risk-r-talk = Den studerande bad själv om ett samtal (/prata)
risk-r-coach = Coachen öppnade ärendet när hen registrerade en kontakt
risk-r-review-note = Fritexten nämnde något krisrelaterat i nekande form – läs och överväg att höra hur det står till
risk-share-review-note = Din coach { $coach } ser i veckosammandraget det du skrev sist, så att hen vid behov kan fråga hur du mår.

## Kris: svar till den studerande genast

risk-crisis-reply = { $name }, tack för att du berättade det här för mig. 💛
risk-crisis-reply-anon = Tack för att du berättade det här för mig. 💛
risk-crisis-told = <b>Jag skickar det här vidare genast:</b> { $who } får meddelandet. Jag säger till när någon har sett det och tar kontakt med dig.
risk-crisis-after-hours = Det är nu utanför skoldagen, så { $who } ser kanske inte meddelandet förrän nästa skoldag, som börjar { $when }.
risk-alert-on-call = Du får detta som jourhavande, eftersom det nu är utanför skoldagen.
risk-alert-welfare = Du får detta genast som skolkurator, eftersom den studerande berättade om våld eller att hen inte är trygg. Coachen ({ $coach }) fick samma meddelande – kom överens om vem som tar kontakt.
risk-alert-welfare-coordinator = Du får detta genast som koordinator, eftersom det inte finns någon kurator i Kohtaamo som kan nås och den studerande berättade om våld eller att hen inte är trygg. Coachen ({ $coach }) fick samma meddelande. Du kan bjuda in en kurator med /hantera.
risk-alert-duty-minor = ⚖️ <b>Anmälningsplikt:</b> { $student } är under 18 år. Gör en barnskyddsanmälan utan dröjsmål – plikten är personlig, och tystnadsplikten hindrar den inte. Om du misstänker ett sexualbrott eller misshandel, anmäl också till polisen.
risk-alert-duty-unknown = ⚖️ <b>Anmälningsplikt:</b> Kohtaamo har inte den studerandes födelsedatum. Om { $student } är under 18 år, gör en barnskyddsanmälan utan dröjsmål – plikten är personlig. Om du misstänker ett sexualbrott eller misshandel, anmäl också till polisen.
risk-alert-duty-adult = { $student } är myndig, så ingen barnskyddsanmälan görs om hen. Om barn under 18 bor i samma hem, gör en anmälan om dem. Du kan också hänvisa hen till socialvården (socialvårdslagen 35 §). Stöd hen att få hjälp (t.ex. Nollinjen, hälsovårdaren, polisen) och anteckna vad ni kommer överens om.
risk-crisis-on-call = Det går nu också till skolans jourhavande: { $name }.
risk-crisis-service = Din skolas jour utanför skoldagen: <b>{ $service }</b>.
risk-after-hours-head = 🌙 <b>Krismeddelanden utanför skoldagen</b>
risk-after-hours-acked = • { $student }, { $at }: kvitterat av { $name } { $when }
risk-after-hours-open = • { $student }, { $at }: <b>inte kvitterat ännu</b>
risk-crisis-again = Jag läste ditt meddelande och skickar det också vidare.
risk-who-coach = din coach { $name }
risk-who-school = personalen i din skola
risk-who-welfare = skolkuratorn { $name }
risk-who-coordinator = skolans koordinator { $name }
risk-crisis-told-also = Meddelandet går också till { $who } – hen hjälper i sådant här.

## Till den studerande när coachen har sett meddelandet

risk-student-ack = { $name } har sett det du berättade och tar kontakt med dig. 💬
risk-student-ack-other = { $name } från din skola har sett det du berättade och tar kontakt med dig för din coachs räkning. 💬
risk-student-ack-silence = Hej { $student }! { $name } tar snart kontakt med dig och frågar hur du har det. 🙂
risk-student-handover = Ditt ärende sköts nu av { $name }. Hen tar kontakt med dig. Du kan alltid skriva /prata om du vill prata.

## /prata

risk-talk-ask = Vad fint att du vill prata! 😊 Hur vill du att { $who } tar kontakt med dig?
risk-talk-channel = Sätt
    .kasvokkain = 🤝 Ansikte mot ansikte i skolan
    .puhelu = 📞 Per telefon
    .viesti = 💬 Per meddelande
risk-talk-how = Sätt
    .kasvokkain = ansikte mot ansikte
    .puhelu = per telefon
    .viesti = per meddelande
risk-talk-told = Okej! Jag för vidare din önskan: { $who } får veta att du vill prata { $how } och tar kontakt med dig.
risk-talk-cancelled = Okej, jag skickade ingenting. Du kan be om ett samtal när som helst: /prata
risk-talk-done = Val gjort: { $how } ✓

## Coachens knappar

risk-not-your-case = Det här ärendet är inte ditt.
risk-case-moved = Ärendet har överförts till en annan coach.
risk-case-closed = Det här ärendet är redan avslutat.
risk-already-acked = Det här är redan kvitterat ({ $name }).
risk-acked-toast = Tack! Den studerande får veta att du tar kontakt.

## Överföring till en annan coach

risk-handover-pick = Till vem överför du ärendet <b>{ $student }</b>? Hen får en begäran och kan ta emot ärendet. Tills dess är ärendet ditt.
risk-handover-nobody = Inga andra coacher hittades. Be koordinatorn lägga till en coach.
risk-handover-note = Skriv en kort hälsning till mottagaren ({ $name }): vad är bra att veta? Skriv inga hälsouppgifter. Du kan också skicka begäran utan hälsning.
risk-handover-send-plain = Skicka utan hälsning
risk-handover-note-too-long = Hälsningen är lite för lång ({ $length } tecken). Ryms den i { $limit } tecken?
risk-handover-request = 🔁 <b>Begäran om överföring</b>: { $from } ber dig ta hand om det här ärendet.
risk-handover-note-shown = Hälsning: <i>{ $note }</i>
risk-button-accept = ✅ Jag tar emot
risk-button-decline = Jag kan inte
risk-handover-sent = Begäran skickad: { $name }. Ärendet är ditt tills hen tar emot det.
risk-handover-accepted-you = ✅ Du tog emot ärendet. Den studerande får veta att du nu sköter det.
risk-handover-accepted = ✅ { $name } tog emot ärendet { $student }. Tack!
risk-handover-declined = { $name } kunde inte ta ärendet { $student }. Det är fortfarande ditt.
risk-handover-declined-you = Okej, du tackade nej. { $from } får veta det.
risk-handover-stale = Den här begäran kan inte längre användas.
risk-handover-cancelled = Överföringen avbröts. Ärendet är fortfarande ditt.

## Veckosammandrag till coachen (måndag morgon)

risk-digest-title = 📋 <b>Veckosammandrag, vecka { $week }</b> – dina studerande { $count }
risk-digest-response = Svar på förra veckans enkäter: { $answered }/{ $total } ({ $percent } %)
risk-digest-response-none = Förra veckan fanns inga schemalagda enkäter.
risk-digest-missing = Svarade inte: { $names }
risk-digest-open = <b>Öppna ärenden</b>
risk-digest-open-none = Inga öppna ärenden. 👍
risk-digest-open-line = { $badge } { $student }: { $reason } – { $status } (sedan { $since })
risk-digest-overdue = ⏰ kvitteringen är försenad
risk-digest-info = <b>För kännedom</b>
risk-digest-info-none = Inga nya saker för kännedom.
risk-digest-followups = <b>Försenade uppföljningar</b>
risk-digest-followup-line = { $student }: { $what } (överenskommet { $due })
risk-digest-followup-nothing = uppföljning
risk-digest-footer = Öppna ärenden: /uppfoljning · registrera kontakt: /registrera
