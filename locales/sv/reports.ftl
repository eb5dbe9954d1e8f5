### Rapporter (/rapport), fenomen och planer (/fenomen), min utveckling (/min_utveckling).
### report-* och chart-* är vanlig text (koden lägger till HTML och escapar),
### phen-*, plan-* och trend-* är Telegram-HTML.
### Håll exakt samma id:n och attribut som i fi- och en-filerna.

## Tal och namn

report-percent = { $n } %
report-hours = { $n } h
report-days = { $n } d
report-period = { $first }–{ $last } ({ $weeks } v.)
report-week = v. { $n }
report-school = Hela skolan
report-title = Rapport: { $scope }
report-measure = { $measure ->
    [wellbeing] Ork
    [studies] Studier
    [belonging] Gemenskap
    [absence] Frånvaro (5 = ingen frånvaro)
    [quitting] Tankar på att sluta (5 = inga tankar)
    [workplace] Trivsel på arbetsplatsen
    [guidance] Handledning på arbetsplatsen
    [safety] Säkerhet på arbetsplatsen
    [workload] Arbetsmängd
    [start] Studiestarten
    [help_known] Vet var man får hjälp
    [meaning] Studiernas betydelse
    [trusted_adult] En vuxen att lita på i skolan (5 = finns)
    [loneliness] Ensamhet (5 = aldrig)
    [field_change] Tankar på att byta bransch (5 = inga)
    [everyday] Vardagen
    [worries] Oro i början
   *[other] { $measure }
}
report-cue = { $category ->
    [crisis] kris
    [detachment] avståndstagande
    [absence] frånvaro
    [loneliness] ensamhet
    [money] pengar
    [sleep] sömn
    [positive] positiva
    [child_protection] barnskydd
    [eating] ätande
    [substance] rusmedel
    [bullying] mobbning
    [hopelessness] hopplöshet
   *[other] { $category }
}
report-level = { $level ->
    [info] för kännedom
    [concern] oro
    [urgent] brådskande
   *[crisis] kris
}
report-bucket = { $bucket ->
    [low] 1–2
    [mid] 3
   *[high] 4–5
}
report-handled = { $state ->
    [contacted] kontakt registrerad
    [closed_no_contact] stängd utan kontakt
   *[pending] pågår
}
report-recovery-state = { $state ->
    [recovered] återhämtade sig
   *[not_recovered] återhämtade sig inte
}
report-studying-state = { $state ->
    [studying] studerar fortfarande
   *[left] har slutat
}
report-path = { $point ->
    [start] studiestarten
    [work_learning] lärande i arbetet
    [return] återkomst efter lov
   *[other] annan tid
}
report-reason-other = annat

## Sammanfattning i chatten

report-section-input = 1. Insats – enkäter
report-section-situation = 2. Lägesbild – vad de studerande berättar
report-section-output = 3. Prestation – oro och kontakter
report-section-outcome = 4. Resultat – återhämtning
report-section-impact = 5. Effekt – studierna fortsätter
report-section-groups = Grupperna sida vid sida
report-l-enrolled = Studerande
report-l-sent = Avslutade enkäter
report-l-rate = Svarsprocent
report-mean = medel
report-answers = svar { $n }
report-l-options = { $measure }, svårt just nu
report-l-cues = Signaler i fritext (studerande)
report-no-answers = Inga svar från den här perioden.
report-l-concerns = Oro
report-l-path = Var på studievägen
report-l-handled = Oro (utom nivån för kännedom)
report-l-ack = Tid till kvittering
report-l-contact = Tid till första kontakt
report-timing = median { $median }, 90 % under { $p90 }
report-l-closures = Orsaker till stängning
report-l-recovery = Mätaren återhämtade sig inom { $weeks ->
        [one] 1 vecka
       *[other] { $weeks } veckor
    } efter kontakt
report-followed = uppföljda { $n }
report-l-routes = Per stödform (återhämtade sig)
report-l-studying = Studerar fortfarande (av dem man var orolig för)
report-group-line = { $group }: svar { $rate } · ork { $wellbeing } · oro { $concerns }
report-footer-anon = 🔒 = dolt av integritetsskäl: talet skulle gälla färre än { $k } studerande eller kunde räknas fram ur andra tal. – = inga uppgifter.
report-footer-text = Rapporten innehåller ingen text som studerande har skrivit.
report-footer-national = Ingen jämförelse med nationella siffror (t.ex. Hälsa i skolan): frågorna och svarsperioderna är inte desamma.
report-footer-weeks = Rapporten sammanställs av hela veckor som har tagit slut. En avslutad vecka ändras inte längre, så ingens enskilda svar kan räknas fram ur skillnaden mellan två rapporter.
report-nothing-ended = Ingen vecka av den här perioden har tagit slut ännu. Rapporten visar bara hela, avslutade veckor – försök igen på måndag.

## CSV

report-csv = CSV
    .section = avsnitt
    .scope = grupp
    .stat = uppgift
    .category = kategori
    .week = vecka
    .value = värde
    .unit = enhet
    .share = andel %
    .students = studerande
    .status = status
report-section-name = { $section ->
    [input] insats
    [situation] lägesbild
    [output] prestation
    [outcome] resultat
   *[impact] effekt
}
report-stat = { $stat ->
    [enrolled] studerande
    [sent] avslutade enkäter
    [answered] besvarade enkäter
    [unanswered] obesvarade enkäter
    [answers] svar
    [mean] medelvärde
    [bucket] fördelning
    [week_mean] veckans medelvärde
    [option_base] svarande
    [option] valt
    [cue] signal i fritext
    [concerns] oro
    [level] oro per nivå
    [path] oro per punkt på studievägen
    [actionable] oro (utom för kännedom)
    [handled] hantering
    [ack_median] tid till kvittering, median
    [ack_p90] tid till kvittering, 90:e percentilen
    [contact_median] tid till kontakt, median
    [contact_p90] tid till kontakt, 90:e percentilen
    [closure_median] tid till avslutning, median
    [closure_p90] tid till avslutning, 90:e percentilen
    [closed] stängda fall av oro
    [closure] orsak till stängning
    [followed] uppföljda fall av oro
    [recovery] mätarens återhämtning
    [route_followed] uppföljda per stödform
    [route] återhämtning per stödform
    [concerned] studerande man var orolig för
   *[outcome_studying] studierna fortsätter
}
report-unit = { $unit ->
    [count] st.
    [students] studerande
    [mean] medelvärde 1–5
   *[other] timmar
}
report-status = { $status ->
    [shown] visas
   *[hidden] dolt
}

## Diagram (vanlig text; inga emojier, diagrammets typsnitt saknar dem)

chart-trend-title = Mätarnas utveckling vecka för vecka – { $scope }
chart-trend-y = Medelvärde (1 = sämst, 5 = bäst)
chart-week-x = Vecka
chart-dist-title = Svarens fördelning – { $scope }
chart-dist-x = Andel av svaren (%)
chart-concerns-title = Oro och hur den hanterats – { $scope }
chart-concerns-y = Fall av oro (st.)
chart-concerns-levels = Per nivå
chart-concerns-handled = Hantering
chart-groups-title = Grupperna sida vid sida
chart-groups-rate = Svarsprocent (%)
chart-groups-wellbeing = Orkens medelvärde (1–5)
chart-hidden = dolt
chart-hidden-note = Dolt av integritetsskäl: färre än { $k } studerande eller kan räknas fram ur andra tal.
chart-share-y = Andel av de svarande (%)
chart-baseline = Jämförelsenivå
chart-plan-start = Planen började
chart-mytrend-title = Min utveckling
chart-mytrend-y = 1 = sämst, 5 = bäst
chart-day-x = Dag

## /rapport

report-choose-scope = 📊 Vilken rapport vill du ha?
report-choose-period = 📊 { $scope }: för vilken tid?
report-preset = { $preset ->
    [weeks4] De senaste 4 veckorna
    [last_month] Förra månaden
    [compare] Terminer och läsår sida vid sida
   *[term] Den här terminen
}
report-term = { $kind ->
    [autumn] hösten { $year }
    [spring] våren { $year }
   *[year] läsåret { $year }–{ $next }
}
report-compare-title = { $scope }: terminer och läsår sida vid sida
report-footer-compare = Varje termins och läsårs siffror kommer från dess egen rapport över hela, avslutade veckor (en vecka hör till den termin där dess torsdag infaller). Höstterminen börjar 1.8. och vårterminen 1.1.
report-no-groups = Rapporter ser koordinatorn och gruppcoacherna för sina egna grupper. Du har ingen grupp som du kan se en rapport för.
report-scope-gone = Den här gruppen hör inte längre till dig.
report-making = Jag sammanställer rapporten…
report-file = rapport
    .trends = utveckling
    .distribution = fordelning
    .concerns = oro
    .groups = grupper
report-caption-csv = Samma tal som tabell (CSV, öppnas i Excel).
report-caption-chart = { $title }, { $period }

## Fenomen (/fenomen) och kortet till koordinatorn

phen-signal-cue = { $category ->
    [loneliness] omnämnanden av ensamhet
    [money] pengaoro i fritext
    [sleep] omnämnanden av sömn och trötthet
    [absence] omnämnanden av frånvaro
    [detachment] omnämnanden av att sluta eller dra sig undan
    [crisis] omnämnanden som tyder på kris
    [child_protection] omnämnanden av våld, utnyttjande eller ett otryggt hem
    [eating] oro kring ätande
    [substance] omnämnanden av rusmedel
    [bullying] omnämnanden av mobbning
    [hopelessness] omnämnanden av hopplöshet
   *[other] omnämnanden: { $category }
}
phen-signal-low = { $measure ->
    [wellbeing] svag ork (1–2)
    [studies] studierna går inte (1–2)
    [belonging] känner sig inte som en del av gruppen (1–2)
    [absence] mycket frånvaro
    [quitting] tankar på att sluta
    [workplace] låg trivsel på arbetsplatsen (1–2)
   *[other] svaga svar: { $measure }
}
phen-signal-option = svårt just nu: { $option }
phen-card =
    🔎 <b>Fenomen: { $signal }</b>
    Var: { $scope }
    Sedan: vecka { $week }
    De senaste { $recent } veckorna: <b>{ $current }</b> av de svarande (jämförelse: { $baseline } under de { $baseline_weeks } veckorna innan)
    Det gäller { $students } studerande.

    Talen är sammanställda: enskilda studerande eller deras texter syns inte. Vill du öppna en gemensam plan?
phen-open-plan = 📋 Öppna en plan
phen-not-now = Inte nu
phen-not-now-done = Okej. Fenomenet finns senare under /fenomen.
phen-list-title = 🔎 <b>Fenomen och planer</b>
phen-list-empty = Inga upptäckta fenomen och inga planer. Jag följer svaren varje vecka och säger till om något tydligt blir vanligare i en grupp eller i hela skolan.
phen-list-phenomena = <b>Upptäckta fenomen</b>
phen-list-plans = <b>Planer</b>
phen-item = • { $signal } – { $scope }: { $baseline } → { $current } (upptäckt { $date })
phen-item-planned = • { $signal } – { $scope }: { $baseline } → { $current } (upptäckt { $date }, plan gjord)
plan-item =
    📋 <b>{ $title }</b>
    Ansvar: { $responsible } · Med: { $participants }
    Åtgärder och tidsplan: { $actions }
    Började { $start } · utvärdering { $evaluate }
plan-item-evaluated = Utvärdering: { $evaluation }
plan-item-waiting = Utvärderingen väntar.
phen-button-open = 📋 Plan: { $short }
phen-button-view = 📈 Före och efter: { $short }
phen-gone = Det här fenomenet finns inte längre.

## Att göra en plan

plan-ask-responsible =
    📋 <b>Plan: { $title }</b>

    Vem ansvarar? Skriv de ansvariga, t.ex. ”kurator Liisa och gruppcoach Sanna”.
plan-ask-participants = Vilka tas med? Välj alla som passar och tryck på Klar.
plan-participant = { $who ->
    [students] Studerande
    [guardians] Vårdnadshavare
    [welfare] Elevhälsan
    [teachers] Lärare
   *[partners] Partner (t.ex. ungdomsarbete)
}
plan-ask-actions = Vad görs och när? Skriv varje åtgärd på en egen rad, t.ex. ”Gruppdag 3.12. Sanna”. Står det ett datum på raden påminner jag den person som nämns på raden den dagen, annars planens ägare.
plan-ask-evaluate = När utvärderar vi om det hjälpte? Välj eller skriv ett datum (dd.mm.åååå).
plan-evaluate-in = om { $weeks ->
        [one] 1 vecka
       *[other] { $weeks } veckor
    } ({ $date })
plan-confirm =
    📋 <b>{ $title }</b>
    Ansvar: { $responsible }
    Med: { $participants }
    Åtgärder och tidsplan: { $actions }
    Utvärdering: { $evaluate }

    Ska planen sparas?
plan-save = ✅ Spara
plan-done = Klar
plan-saved = ✅ Planen är sparad. Jag påminner dig om utvärderingen { $date }. Planerna finns under /fenomen.
plan-cancelled = Okej, ingen plan gjordes. Du kan öppna den senare under /fenomen.
plan-too-long = Lite för långt – högst { $max } tecken, tack.
plan-too-short = Skriv åtminstone några ord, tack.
plan-bad-date = Jag kände inte igen datumet. Skriv det som dd.mm.åååå, t.ex. { $example }. Dagen ska vara i framtiden och inom ett år.
plan-need-participants = Välj minst en.
plan-step-gone = Det här steget är redan förbi.

## Utvärdering

plan-reminder =
    ⏰ <b>Dags att utvärdera: { $title }</b>
    Planen började { $start }. Hjälpte det?
plan-reminder-member =
    📋 <b>Planen utvärderas: { $title }</b>
    Du är med i den här planen. Den började { $start }. Här är siffrorna före och efter; planens ägare bedömer om den fortsätter.
plan-before-after =
    Före: { $before } av de svarande ({ $before_weeks ->
        [one] 1 vecka
       *[other] { $before_weeks } veckor
    } före starten)
    Efter: { $after } av de svarande (från starten till i dag)
    { $verdict }
plan-verdict = { $verdict ->
    [eased] 🌱 Det verkar ha lättat.
    [same] Ingen tydlig förändring syns.
    [rose] Fenomenet har blivit ännu vanligare.
   *[unknown] För få svar för en utvärdering (färre än { $k } studerande).
}
plan-evaluate-button = ✍️ Skriv utvärdering
plan-ask-evaluation = Skriv kort vad ni lärde er och om ni fortsätter (högst { $max } tecken).
plan-evaluation-saved = ✅ Utvärderingen är sparad. Tack!
plan-view-title = 📈 <b>Före och efter: { $title }</b>
plan-poll-button = 📊 Fråga de studerande
plan-ask-poll =
    📊 <b>Fråga de studerande: { $title }</b>
    Skriv en fråga och under den 2–10 svarsalternativ, vart och ett på en egen rad som börjar med ett streck. Till exempel:
    <code>Finns det någon i skolan som du kan prata med?
    - Ja, flera
    - En
    - Nej</code>
    Enkäten skickas anonymt som privatmeddelande till varje studerande i gruppen ({ $groups }; nåbara nu: { $count }). Ingen ser vem som svarade vad. Det sammanlagda antalet svar syns i planens vy när minst { $least } har svarat.
plan-poll-confirm =
    📊 <b>Ska enkäten skickas?</b>
    <b>{ $question }</b>
    { $options }

    Till: { $groups } – som privatmeddelande till varje studerande (nåbara nu: { $count }). Den som har tysta timmar får enkäten efter dem. Det sammanlagda antalet svar syns när minst { $least } har svarat.
plan-poll-again = 🔁 Samma fråga igen
plan-poll-send = 📤 Skicka
plan-poll-format = En enkät behöver en fråga (raden slutar med ?) och under den minst två alternativ, vart och ett på en egen rad som börjar med ett streck.
plan-poll-no-groups = Planen har ingen grupp vars studerande man kunde fråga.
plan-poll-sent =
    { $count ->
        [0] Enkäten är sparad, men ingen studerande i gruppen kan nås just nu.
        [one] ✅ Enkäten skickas till en studerande.
       *[other] ✅ Enkäten skickas till { $count } studerande.
    } Det sammanlagda antalet svar ser du i planens vy (/fenomen) när minst { $least } har svarat. Du får också en leveransrapport.
plan-poll-results-title = <b>De studerandes svar</b>
plan-poll-result-head = 📊 <b>{ $question }</b> ({ $date }) – { $voters } har svarat, enkäten nådde { $reached }.
plan-poll-result-too-few = 🔒 Svaren visas när det finns minst { $least }.
plan-history-title = <b>Planens skeden termin för termin</b>
plan-event = • { $date } { $kind ->
        [created] planen öppnades
        [evaluated] utvärderades: { $detail }
        [continued] beslöts att fortsätta
        [closed] planen stängdes
       *[asked] de studerande tillfrågades: { $detail }
    }
plan-term-levels = Fenomenets nivå termin för termin (andel av dem som svarade): { $levels }

## /min_utveckling

trend-none = Du har inte svarat på några enkäter än. När du svarar ser du din egen utveckling här. 🌱
trend-measure = { $measure ->
    [wellbeing] Ork
    [studies] Studier
    [belonging] Gemenskap
    [workplace] Trivsel på arbetsplatsen
   *[other] { $measure }
}
trend-rose = { $measure ->
    [wellbeing] 🌱 Dina veckor har varit bättre på sista tiden än förut. Toppen!
    [studies] 🌱 Studierna går bättre nu än tidigare. Toppen!
    [belonging] 🌱 Du känner dig oftare som en del av gänget. Så fint att höra!
    [workplace] 🌱 Du trivs bättre på arbetsplatsen nu än tidigare. Toppen!
   *[other] 🌱 Dina svar har blivit bättre de senaste veckorna. Toppen!
}
trend-steady = { $measure ->
    [wellbeing] 💪 Du har haft bra veckor länge nu.
    [studies] 💪 Studierna har gått bra i flera veckor nu.
    [belonging] 💪 Du har känt dig som en del av gänget i flera veckor nu.
    [workplace] 💪 Du har trivts bra på arbetsplatsen i flera veckor nu.
   *[other] 💪 Dina svar har varit bra i flera veckor nu.
}
trend-thanks = Tack för att du har svarat redan { $count ->
        [one] 1 gång
       *[other] { $count } gånger
    }. Varje svar hjälper din coach att stöda dig.
trend-privacy = Här finns bara dina egna svar. Ingen annan ser det här diagrammet.

## Ett kort för fenomen som hör ihop (samma fenomen i en grupp och i hela skolan, eller flera i samma grupp).
phen-card-many = 🔎 <b>{ $count } fenomen som hör ihop</b>
phen-card-entry =
    <b>{ $signal } – { $scope }</b>
    Sedan: vecka { $week }
    De senaste { $recent } veckorna: <b>{ $current }</b> av de svarande (jämförelse: { $baseline } under de { $baseline_weeks } veckorna innan)
    Det gäller { $students } studerande.
phen-card-many-end = Talen är sammanställda: enskilda studerande eller deras texter syns inte. Du kan öppna en plan för ett eller flera av dem.

## Till gruppcoachen om den egna gruppens fenomen: bara sammanställda tal.
phen-coach-card = 🔎 <b>Något har blivit vanligare i din grupp { $group }</b>
phen-coach-card-end = Talen är sammanställda: vem som helst i gruppen kan vara med, och inga enskilda studerande eller deras texter visas. Koordinatorn för studerandevården har fått samma information. Vill du vara med och planera vad som görs?
phen-join = 🙋 Jag är med
phen-joined = ✅ Du är med. När koordinatorn gör en plan ser du den här.
phen-joined-plan = ✅ Du är med i planen: { $title }
plan-for-member =
    📋 <b>En plan som du är med i: { $title }</b>
    Ansvarig: { $responsible }
    Vad görs: { $actions }
    Utvärderas: { $evaluate }

## Planens ägare och status.
plan-ask-owner = Vem äger planen? Hen får en påminnelse om utvärderingen. Välj en person.
plan-owner = Ägare: { $owner }
plan-reminders = Påminnelser:
plan-reminder-line = • { $what } → { $owner }, { $date }
plan-ask-decide = Fortsätter planen eller stängs den?
plan-continue = 🔁 Vi fortsätter, ny utvärdering { $date }
plan-close = ✅ Stäng
plan-continued = 🔁 Planen fortsätter. Nästa utvärdering { $date }; jag påminner då.
plan-closed = ✅ Planen är stängd. Tack! Den finns kvar under /fenomen.
plan-item-status = Status: { $status ->
        [open] pågår
        [evaluating] utvärderas
        [continued] fortsätter
       *[closed] stängd
    }
plan-item-next = nästa utvärdering { $date }
plan-action-reminder =
    📌 <b>I dag i planen { $title }</b>
    { $what }
