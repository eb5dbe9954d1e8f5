### Reports (/report), phenomena and plans (/phenomena), my trend (/my_trend).
### report-* and chart-* are plain text (the code adds HTML and escapes),
### phen-*, plan-* and trend-* are Telegram HTML.
### Keep exactly the same ids and attributes as the fi and sv files.

## Numbers and names

report-percent = { $n }%
report-hours = { $n } h
report-days = { $n } d
report-period = { $first }–{ $last } ({ $weeks } wk)
report-week = wk { $n }
report-school = Whole school
report-title = Report: { $scope }
report-measure = { $measure ->
    [wellbeing] Wellbeing
    [studies] Studies
    [belonging] Belonging
    [absence] Absences (5 = none)
    [quitting] Thoughts of quitting (5 = none)
    [workplace] Feeling at the workplace
    [guidance] Guidance at the workplace
    [safety] Safety at the workplace
    [workload] Workload
    [start] Start of studies
    [help_known] Knows where to get help
    [meaning] Studies feel important
    [trusted_adult] A trusted adult at school (5 = yes)
    [loneliness] Loneliness (5 = never)
    [field_change] Thoughts of changing field (5 = none)
    [everyday] Everyday life
    [worries] Worries at the start
   *[other] { $measure }
}
report-cue = { $category ->
    [crisis] crisis
    [detachment] detachment
    [absence] absences
    [loneliness] loneliness
    [money] money
    [sleep] sleep
    [positive] positive
    [child_protection] child protection
    [eating] eating
    [substance] substances
    [bullying] bullying
    [hopelessness] hopelessness
   *[other] { $category }
}
report-level = { $level ->
    [info] for information
    [concern] concern
    [urgent] urgent
   *[crisis] crisis
}
report-bucket = { $bucket ->
    [low] 1–2
    [mid] 3
   *[high] 4–5
}
report-handled = { $state ->
    [contacted] contact logged
    [closed_no_contact] closed without contact
   *[pending] in progress
}
report-recovery-state = { $state ->
    [recovered] recovered
   *[not_recovered] did not recover
}
report-studying-state = { $state ->
    [studying] still studying
   *[left] has left
}
report-path = { $point ->
    [start] start of studies
    [work_learning] on-the-job learning
    [return] back from a break
   *[other] other times
}
report-reason-other = other

## Summary in the chat

report-section-input = 1. Input – check-ins
report-section-situation = 2. Situation – what students tell us
report-section-output = 3. Output – concerns and contacts
report-section-outcome = 4. Outcome – recovery
report-section-impact = 5. Impact – studies continue
report-section-groups = Groups side by side
report-l-enrolled = Students
report-l-sent = Finished check-ins
report-l-rate = Response rate
report-mean = mean
report-answers = answers { $n }
report-l-options = { $measure }, hard right now
report-l-cues = Signals in free text (students)
report-no-answers = No answers in this period.
report-l-concerns = Concerns
report-l-path = Where on the study path
report-l-handled = Concerns (not for-information level)
report-l-ack = Time to acknowledgement
report-l-contact = Time to first contact
report-timing = median { $median }, 90% under { $p90 }
report-l-closures = Closure reasons
report-l-recovery = Measure recovered within { $weeks ->
        [one] 1 week
       *[other] { $weeks } weeks
    } of contact
report-followed = followed { $n }
report-l-routes = By support route (recovered)
report-l-studying = Still studying (of those with a concern)
report-group-line = { $group }: response { $rate } · wellbeing { $wellbeing } · concerns { $concerns }
report-footer-anon = 🔒 = hidden for privacy: the number would describe fewer than { $k ->
        [one] 1 student
       *[other] { $k } students
    } or could be calculated from other numbers. – = no data.
report-footer-text = The report contains no text written by students.
report-footer-national = No comparison with national figures (e.g. the School Health Promotion study): the questions and recall periods are not the same.
report-footer-weeks = The report is made of whole weeks that have ended. A week that has ended never changes, so no one's single answer can be calculated from the difference of two reports.
report-nothing-ended = No week of this period has ended yet. Reports show only whole weeks that have ended – try again on Monday.

## CSV

report-csv = CSV
    .section = section
    .scope = group
    .stat = figure
    .category = category
    .week = week
    .value = value
    .unit = unit
    .share = share %
    .students = students
    .status = status
report-section-name = { $section ->
    [input] input
    [situation] situation
    [output] output
    [outcome] outcome
   *[impact] impact
}
report-stat = { $stat ->
    [enrolled] students
    [sent] finished check-ins
    [answered] answered check-ins
    [unanswered] unanswered check-ins
    [answers] answers
    [mean] mean
    [bucket] distribution
    [week_mean] weekly mean
    [option_base] respondents
    [option] chose
    [cue] signal in free text
    [concerns] concerns
    [level] concerns by level
    [path] concerns by point on the study path
    [actionable] concerns (not for information)
    [handled] handling
    [ack_median] time to acknowledgement, median
    [ack_p90] time to acknowledgement, 90th percentile
    [contact_median] time to contact, median
    [contact_p90] time to contact, 90th percentile
    [closure_median] time to closure, median
    [closure_p90] time to closure, 90th percentile
    [closed] closed concerns
    [closure] closure reason
    [followed] followed concerns
    [recovery] recovery of the measure
    [route_followed] followed by support route
    [route] recovery by support route
    [concerned] students with a concern
   *[outcome_studying] studies continue
}
report-unit = { $unit ->
    [count] count
    [students] students
    [mean] mean 1–5
   *[other] hours
}
report-status = { $status ->
    [shown] shown
   *[hidden] hidden
}

## Charts (plain text; no emoji, the chart font has none)

chart-trend-title = Measures week by week – { $scope }
chart-trend-y = Mean (1 = worst, 5 = best)
chart-week-x = Week
chart-dist-title = Distribution of answers – { $scope }
chart-dist-x = Share of answers (%)
chart-concerns-title = Concerns and how they were handled – { $scope }
chart-concerns-y = Concerns (count)
chart-concerns-levels = By level
chart-concerns-handled = Handling
chart-groups-title = Groups side by side
chart-groups-rate = Response rate (%)
chart-groups-wellbeing = Mean wellbeing (1–5)
chart-hidden = hidden
chart-hidden-note = Hidden for privacy: fewer than { $k ->
        [one] 1 student
       *[other] { $k } students
    }, or could be calculated from other numbers.
chart-share-y = Share of respondents (%)
chart-baseline = Baseline
chart-plan-start = Plan started
chart-mytrend-title = My trend
chart-mytrend-y = 1 = worst, 5 = best
chart-day-x = Day

## /report

report-choose-scope = 📊 Which report would you like?
report-choose-period = 📊 { $scope }: for which period?
report-preset = { $preset ->
    [weeks4] The last 4 weeks
    [last_month] Last month
    [compare] Terms and school years side by side
   *[term] This term
}
report-term = { $kind ->
    [autumn] autumn { $year }
    [spring] spring { $year }
   *[year] school year { $year }–{ $next }
}
report-compare-title = { $scope }: terms and school years side by side
report-footer-compare = Each term's and school year's figures come from its own report over whole weeks that have ended (a week belongs to the term its Thursday falls in). The autumn term starts on 1 August and the spring term on 1 January.
report-no-groups = Reports are for the coordinator, and for group coaches about their own groups. You have no group to see a report for.
report-scope-gone = This group is no longer yours.
report-making = Putting the report together…
report-file = report
    .trends = trends
    .distribution = distribution
    .concerns = concerns
    .groups = groups
report-caption-csv = The same numbers as a table (CSV, opens in Excel).
report-caption-chart = { $title }, { $period }

## Phenomena (/phenomena) and the coordinator's card

phen-signal-cue = { $category ->
    [loneliness] mentions of loneliness
    [money] money worries in free text
    [sleep] mentions of sleep and tiredness
    [absence] mentions of absences
    [detachment] mentions of quitting or drifting away
    [crisis] mentions that suggest a crisis
    [child_protection] mentions of violence, abuse or an unsafe home
    [eating] worries about eating
    [substance] mentions of substance use
    [bullying] mentions of being bullied
    [hopelessness] mentions of hopelessness
   *[other] mentions: { $category }
}
phen-signal-low = { $measure ->
    [wellbeing] low wellbeing (1–2)
    [studies] studies not going well (1–2)
    [belonging] not feeling part of the group (1–2)
    [absence] many absences
    [quitting] thoughts of quitting
    [workplace] not feeling well at the workplace (1–2)
   *[other] low answers: { $measure }
}
phen-signal-option = hard right now: { $option }
phen-card =
    🔎 <b>Phenomenon: { $signal }</b>
    Where: { $scope }
    Since: week { $week }
    The last { $recent ->
        [one] 1 week
       *[other] { $recent } weeks
    }: <b>{ $current }</b> of respondents (baseline: { $baseline } in the { $baseline_weeks ->
        [one] 1 week
       *[other] { $baseline_weeks } weeks
    } before)
    It concerns { $students ->
        [one] 1 student
       *[other] { $students } students
    }.

    The numbers are aggregated: no single student or their words are shown. Would you like to open a shared plan?
phen-open-plan = 📋 Open a plan
phen-not-now = Not now
phen-not-now-done = All right. You will find it later with /phenomena.
phen-list-title = 🔎 <b>Phenomena and plans</b>
phen-list-empty = No phenomena found and no plans. I look at the answers every week and will tell you if something becomes clearly more common in a group or the whole school.
phen-list-phenomena = <b>Phenomena found</b>
phen-list-plans = <b>Plans</b>
phen-item = • { $signal } – { $scope }: { $baseline } → { $current } (found { $date })
phen-item-planned = • { $signal } – { $scope }: { $baseline } → { $current } (found { $date }, plan made)
plan-item =
    📋 <b>{ $title }</b>
    Responsible: { $responsible } · Taking part: { $participants }
    Actions and schedule: { $actions }
    Started { $start } · evaluation { $evaluate }
plan-item-evaluated = Evaluation: { $evaluation }
plan-item-waiting = Evaluation pending.
phen-button-open = 📋 Plan: { $short }
phen-button-view = 📈 Before and after: { $short }
phen-gone = This phenomenon no longer exists.

## Making a plan

plan-ask-responsible =
    📋 <b>Plan: { $title }</b>

    Who is responsible? Write the responsible people, e.g. "school social worker Liisa and group coach Sanna".
plan-ask-participants = Who takes part? Choose everyone who fits and press Done.
plan-participant = { $who ->
    [students] Students
    [guardians] Guardians
    [welfare] Student welfare
    [teachers] Teachers
   *[partners] Partners (e.g. youth work)
}
plan-ask-actions = What will be done and when? Write each action on its own line, e.g. “Team-building day 3.12. Sanna”. If a line has a date, I remind the person it names on that day, or else the plan's owner.
plan-ask-evaluate = When do we evaluate whether it helped? Choose or type a date (dd.mm.yyyy).
plan-evaluate-in = in { $weeks ->
        [one] 1 week
       *[other] { $weeks } weeks
    } ({ $date })
plan-confirm =
    📋 <b>{ $title }</b>
    Responsible: { $responsible }
    Taking part: { $participants }
    Actions and schedule: { $actions }
    Evaluation: { $evaluate }

    Save the plan?
plan-save = ✅ Save
plan-done = Done
plan-saved = ✅ Plan saved. I will remind you about the evaluation on { $date }. Plans are listed with /phenomena.
plan-cancelled = All right, no plan was made. You can open it later with /phenomena.
plan-too-long = A little too long – at most { $max } characters, please.
plan-too-short = Please write at least a few words.
plan-bad-date = I did not recognise the date. Write it as dd.mm.yyyy, e.g. { $example }. The day must be in the future and within a year.
plan-need-participants = Choose at least one.
plan-step-gone = This step is already over.

## Evaluation

plan-reminder =
    ⏰ <b>Time to evaluate: { $title }</b>
    The plan started on { $start }. Did it help?
plan-reminder-member =
    📋 <b>The plan is evaluated: { $title }</b>
    You take part in this plan. It began on { $start }. Here are the figures before and after; the plan's owner decides whether it goes on.
plan-before-after =
    Before: { $before } of respondents ({ $before_weeks ->
        [one] 1 week
       *[other] { $before_weeks } weeks
    } before the start)
    After: { $after } of respondents (from the start until today)
    { $verdict }
plan-verdict = { $verdict ->
    [eased] 🌱 It seems to have eased.
    [same] No clear change shows.
    [rose] The phenomenon has become even more common.
   *[unknown] Too few answers to evaluate (fewer than { $k ->
        [one] 1 student
       *[other] { $k } students
    }).
}
plan-evaluate-button = ✍️ Write the evaluation
plan-ask-evaluation = Write briefly what was learned and whether to continue (at most { $max } characters).
plan-evaluation-saved = ✅ Evaluation saved. Thank you!
plan-view-title = 📈 <b>Before and after: { $title }</b>
plan-poll-button = 📊 Ask the students
plan-ask-poll =
    📊 <b>Ask the students: { $title }</b>
    Write a question and under it 2–10 answer options, each on its own line starting with a dash. For example:
    <code>Is there someone at school you can talk to?
    - Yes, several people
    - One person
    - No</code>
    The poll goes anonymously, as a private message, to every student in the group ({ $groups }; reachable now: { $count }). Nobody sees who answered what. The totals appear in the plan's view once at least { $least } have answered.
plan-poll-confirm =
    📊 <b>Send this poll?</b>
    <b>{ $question }</b>
    { $options }

    To: { $groups } – a private message to every student (reachable now: { $count }). A student with quiet hours gets it after them. The totals appear once at least { $least } have answered.
plan-poll-again = 🔁 The same question again
plan-poll-send = 📤 Send
plan-poll-format = A poll needs a question (the line ends with ?) and under it at least two options, each on its own line starting with a dash.
plan-poll-no-groups = This plan has no group whose students could be asked.
plan-poll-sent =
    { $count ->
        [0] The poll is saved, but no student in the group can be reached right now.
        [one] ✅ The poll goes to one student.
       *[other] ✅ The poll goes to { $count } students.
    } You'll see the totals in the plan's view (/phenomena) once at least { $least } have answered. You'll also get a delivery report.
plan-poll-results-title = <b>The students' answers</b>
plan-poll-result-head = 📊 <b>{ $question }</b> ({ $date }) – { $voters } answered, the poll reached { $reached }.
plan-poll-result-too-few = 🔒 The answers are shown once there are at least { $least }.
plan-history-title = <b>The plan's steps, term by term</b>
plan-event = • { $date } { $kind ->
        [created] the plan was opened
        [evaluated] evaluated: { $detail }
        [continued] decided to continue
        [closed] the plan was closed
       *[asked] the students were asked: { $detail }
    }
plan-term-levels = The phenomenon's level term by term (share of those who answered): { $levels }

## /my_trend

trend-none = You have not answered any check-ins yet. When you do, you will see your own trend here. 🌱
trend-measure = { $measure ->
    [wellbeing] Wellbeing
    [studies] Studies
    [belonging] Belonging
    [workplace] Feeling at the workplace
   *[other] { $measure }
}
trend-rose = { $measure ->
    [wellbeing] 🌱 Your weeks have been better lately than before. Great!
    [studies] 🌱 Your studies are going better than before. Great!
    [belonging] 🌱 You feel part of the group more often than before. So good to hear!
    [workplace] 🌱 You feel better at the workplace than before. Great!
   *[other] 🌱 Your answers have improved these last weeks. Great!
}
trend-steady = { $measure ->
    [wellbeing] 💪 You have had good weeks for a while now.
    [studies] 💪 Your studies have gone well for several weeks now.
    [belonging] 💪 You have felt part of the group for several weeks now.
    [workplace] 💪 You have felt good at the workplace for several weeks now.
   *[other] 💪 Your answers have been good for several weeks now.
}
trend-thanks = Thank you for answering { $count ->
        [one] 1 time
       *[other] { $count } times
    } already. Every answer helps your coach support you.
trend-privacy = These are only your own answers. Nobody else sees this chart.

## One card for related phenomena (the same one in a group and in the whole school, or several in one group).
phen-card-many = 🔎 <b>{ $count } related phenomena</b>
phen-card-entry =
    <b>{ $signal } – { $scope }</b>
    Since: week { $week }
    The last { $recent ->
        [one] 1 week
       *[other] { $recent } weeks
    }: <b>{ $current }</b> of respondents (baseline: { $baseline } in the { $baseline_weeks ->
        [one] 1 week
       *[other] { $baseline_weeks } weeks
    } before)
    It concerns { $students ->
        [one] 1 student
       *[other] { $students } students
    }.
phen-card-many-end = The figures are aggregated: no single student or their words are shown. You can open a plan for one or more of them.

## To the group coach about their own group's phenomenon: aggregate figures only.
phen-coach-card = 🔎 <b>Something has become more common in your group { $group }</b>
phen-coach-card-end = The figures are aggregated: any student of the group may be among them, and no single student or their words are shown. The welfare coordinator has the same information. Would you like to take part in planning what is done?
phen-join = 🙋 Count me in
phen-joined = ✅ You're in. When the coordinator makes a plan, you'll see it here.
phen-joined-plan = ✅ You're part of the plan: { $title }
plan-for-member =
    📋 <b>A plan you're part of: { $title }</b>
    Responsible: { $responsible }
    What is done: { $actions }
    Evaluated on: { $evaluate }

## The plan's owner and status.
plan-ask-owner = Who owns the plan? They get the evaluation reminder. Choose a person.
plan-owner = Owner: { $owner }
plan-reminders = Reminders:
plan-reminder-line = • { $what } → { $owner }, { $date }
plan-ask-decide = Does the plan continue, or is it closed?
plan-continue = 🔁 Continue, next evaluation { $date }
plan-close = ✅ Close
plan-continued = 🔁 The plan continues. Next evaluation { $date }; I'll remind you then.
plan-closed = ✅ The plan is closed. Thank you! It stays under /ilmiot.
plan-item-status = Status: { $status ->
        [open] open
        [evaluating] being evaluated
        [continued] continued
       *[closed] closed
    }
plan-item-next = next evaluation { $date }
plan-action-reminder =
    📌 <b>Today in the plan { $title }</b>
    { $what }
