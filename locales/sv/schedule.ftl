### Scheman, enkätomgångar och leveransrapporter (/schema). För personalen.
### Samma id:n och attribut som i fi- och en-filerna.

## Tid och schema

schedule-weekday = Veckodag
    .d1 = mån
    .d2 = tis
    .d3 = ons
    .d4 = tors
    .d5 = fre
    .d6 = lör
    .d7 = sön
schedule-when = { $weekday } { $date } kl. { $time }
schedule-every = { $n ->
        [1] varje vecka
        [2] varannan vecka
        [3] var tredje vecka
        [4] var fjärde vecka
       *[other] med { $n } veckors mellanrum
    }
schedule-range-open = från { $from }
schedule-range = { $from }–{ $to }
schedule-policy = Lov och helgdagar
    .skip = ingen enkät under lov
    .shift = flyttas från lov till nästa skoldag
schedule-line = <b>{ $flow }</b> · { $days } kl. { $time } · { $every } · { $range } · { $policy }
schedule-line-prompt = <b>{ $flow }</b> · { $audience } · { $days } kl. { $time } · { $every } · { $range } · { $policy }
schedule-prompt-theme = 💬 { $theme }
schedule-prompt-one = 💬 { $theme }: ”{ $prompt }”
schedule-audience = Vart
    .chat = till gruppchatten
    .private = privat till var och en
schedule-policy-prompt = Lov och helgdagar
    .skip = inget meddelande under lov
    .shift = flyttas från lov till nästa skoldag
schedule-next = Nästa: { $when }
schedule-next-none = Inga kommande enkäter.

## Knappar

schedule-button = Knappar
    .new = ➕ Nytt schema
    .report = 📊 Rapport { $n }
    .remove = 🗑 Ta bort { $n }
    .groups = ⬅️ Grupper
    .done = Klar ✔️
    .save = ✅ Spara
    .confirm-remove = Ja, ta bort
    .type-time = ⌨️ Annan tid
    .type-range = ⌨️ Skriv datum
    .open-range = Från och med nu, tills vidare
    .school-year = Till läsårets slut ({ $date })
    .skip = Hoppa över
    .shift = Flytta till nästa skoldag
    .chat = 💬 Till gruppchatten
    .private = 👤 Privat till var och en

## Att göra ett schema

schedule-no-groups = Du har inga grupper vars scheman du kan hantera. Koordinatorn kan lägga till dig som gruppcoach för gruppen.
schedule-choose-group = Vilken grupps scheman vill du se?
schedule-menu-title = <b>Enkätscheman: { $group }</b>
schedule-menu-empty = Gruppen har inga scheman ännu. Gör det första med knappen.
schedule-new-title = <b>Nytt schema för { $group }</b>
schedule-ask-flow = Vilken enkät ska skickas?
schedule-ask-flow-themes = 💬-knapparna är diskussionsämnen för gruppen: varje gång skickas temats nästa ämne som gruppen inte har fått ännu.
schedule-ask-audience = Vart ska diskussionsämnena skickas?
schedule-audience-no-chat = Gruppen har ingen kopplad chatt. Om du vill skicka ämnena till gruppchatten: lägg till mig där och skriv /koppla i chatten.
schedule-ask-days = Vilka veckodagar? Välj en eller flera och tryck till sist på Klar.
schedule-ask-time = Vilken tid skickas enkäten? Under den studerandes tysta timmar (oftast kl. 21–8) väntar meddelandet till morgonen.
schedule-ask-time-typed = Skriv klockslaget, till exempel 9.15.
schedule-ask-every = Hur ofta?
schedule-ask-range = När gäller schemat?
schedule-ask-range-typed = Skriv start- och slutdatum, till exempel 1.12.2026–31.5.2027. Om schemat inte har något slut, skriv bara startdatumet.
schedule-ask-break = Om enkätdagen infaller under ett lov eller en helgdag, vad gör vi då?
schedule-confirm = Kontrollera ännu:
schedule-upcoming = Nästa enkäter:
schedule-upcoming-skip = { $when } – ingen enkät ({ $name })
schedule-saved = ✅ Schemat är sparat. Den första enkäten skickas { $when }.
schedule-saved-none = ✅ Schemat är sparat, men under giltighetstiden finns inte en enda enkätdag.
schedule-cancelled = Okej, schemat sparades inte.
schedule-remove-confirm = Ska det här schemat tas bort? Enkäter som redan skickats och deras rapporter finns kvar.
schedule-removed = 🗑 Schemat är borttaget. Inga fler enkäter skickas enligt det.
schedule-days-needed = Välj minst en dag.
schedule-saved-already = Det här är redan sparat.
schedule-bad-time = Jag kände inte igen klockslaget. Skriv det så här: 9.15.
schedule-bad-range = Jag kände inte igen datumen. Skriv dem så här: 1.12.2026–31.5.2027 (eller bara startdatumet).
schedule-range-past = Slutdatumet har redan passerat. Skriv ett datum som ännu ligger framför oss.
schedule-exists = Gruppen har redan ett schema för den här enkäten. Ta bort det gamla först om du vill ändra det.
schedule-not-yours = Du kan inte hantera den här gruppens scheman.
schedule-gone = Det här schemat finns inte längre.

## Leveransrapport (bara antal, inga namn eller svar)

schedule-report-title = <b>Rapport: { $flow }</b> · { $group }
schedule-report-none = Det här schemat har inga enkätomgångar ännu.
schedule-report-head = <b>{ $when }</b>
schedule-report-sent = Skickade { $sent }/{ $total } · svarat { $answered }
schedule-report-waiting = Väntar på att skickas: { $count } (tysta timmar eller nytt försök)
schedule-report-failed = Kunde inte skickas: { $count }
schedule-report-unreachable = Nås inte (har blockerat boten): { $count }
schedule-report-already = Har redan svarat eller håller på: { $count }
schedule-report-paused = Har paus: { $count }
schedule-report-inactive = Har inte gått med ännu: { $count }
schedule-risk-points-flow = { $flow } – bara för dem vid en riskpunkt
schedule-ask-flow-risk-points = ”Bara för dem vid en riskpunkt” går bara till dem vars studier började { $start ->
        [one] den senaste veckan
       *[other] under de senaste { $start } veckorna
    }, vars lärande i arbetet började { $work ->
        [one] den senaste dagen
       *[other] under de senaste { $work } dagarna
    } eller som kom tillbaka från ett lov { $back ->
        [one] den senaste dagen
       *[other] under de senaste { $back } dagarna
    }. Den kan skickas utöver veckoenkäten.
schedule-report-not-at-risk-point = Inte vid en riskpunkt, alltså inte tillfrågade: { $count }
schedule-report-shifted = Flyttad på grund av lov: { $name }
schedule-report-skipped = Ingen enkät: { $name }
schedule-report-collides = Ingen enkät: lovet fortsatte ända till följande enkät
schedule-report-missed = Skickades inte: Kohtaamo var inte igång i tid
schedule-report-superseded = Skickades inte: en nyare enkät skickades i stället
schedule-report-broken = Skickades inte: enkäten hittades inte

## Meddelanden till personalen

rounds-missed-intro = ⚠️ <b>Enkäter blev oskickade</b>
    De här schemalagda enkäterna skickades inte i tid:
rounds-missed-line = • { $group }: { $flow }, { $when }
rounds-missed-late = – Kohtaamo var inte igång, och en enkät som är över { $hours ->
        [one] 1 timme
       *[other] { $hours } timmar
    } försenad skickas inte i efterhand.
rounds-missed-superseded = – en nyare enkät skickades i stället.
rounds-missed-flow-missing = – enkäten finns inte längre. Kontrollera schemat med /schema.
rounds-missed-outro = Följande enkäter skickas enligt schemat. De studerande kan alltid också svara själva med /hurmardu.
delivery-unreachable-coach = 📵 <b>{ $name }</b> har blockerat Kohtaamo eller raderat sitt Telegram-konto, så enkäterna når hen inte. Kontakta hen på annat sätt vid behov.
