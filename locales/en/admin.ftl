# Coaches (/students, /groups), the coordinator (/admin) and roster import.

## /students
coach-list-title = <b>Your students ({ $count })</b>
coach-list-hint = Open a student's details with the buttons, or type /students and a name. Every look is logged, and the student can see it.
coach-handed-title = <b>Cases handed over to you</b>
coach-no-students = No students have been assigned to you yet. The school's coordinator adds them.
coach-no-match = None of your students is called “{ $name }”.
coach-not-your-student = This is not one of your students.
coach-student-gone = This student is no longer in Kohtaamo.
coach-st-invited = ✉️ not joined yet
coach-st-declined = 🚫 didn't want to join
coach-st-left = left
coach-st-last = last answered { $date }
coach-st-never = no answers yet
coach-st-paused = ⏸️ on a break until { $date }
coach-st-unreachable = 📵 not reachable on Telegram
coach-st-concerns = ⚠️ open concerns: { $count }
coach-card-group = Group: { $group }
coach-card-status = Status: { $status }
coach-card-st = Status
    .invited = invited, not joined yet
    .active = in
    .declined = didn't want to join
    .left = left
coach-card-joined = In since: { $date }
coach-card-coaches = Coach: { $coach } · backup coach: { $backup }
coach-card-checkins = Last answer: { $last } · answers in 4 weeks: { $recent }
coach-card-concerns = ⚠️ Open concerns: { $levels }
coach-card-paused = ⏸️ On a break from check-ins until { $date }
coach-card-unreachable = 📵 Not reachable on Telegram (blocked the bot or deleted their account)
coach-card-handed = You see this student because their case was handed over to you.

## /groups
groups-all-title = <b>All groups ({ $count })</b>
groups-coached-title = <b>Groups you coach</b>
groups-mine-title = <b>Your students' groups</b>
groups-none = No groups.
groups-counts = in { $active }, invited { $invited }, declined { $declined }
groups-group-coaches = group coach: { $names }
groups-chat = Group chat
    .yes = group chat linked
    .no = no group chat linked

## /admin
admin-overview =
    <b>Admin</b>
    Groups { $groups } · students in { $active }, invited { $invited }, declined { $declined }
    Staff { $staff }, of whom { $waiting } haven't opened their invite yet.
admin-menu-groups = 👥 Groups and students
admin-menu-new-group = ➕ New group
admin-menu-invite-coach = 🧑‍🏫 Invite a coach
admin-menu-invite-group-coach = 👋 Invite a group coach
admin-menu-roster = 🗂️ Import a student list
admin-menu-invite-coordinator = 🔑 Invite a coordinator
admin-menu-invite-welfare = 🤝 Invite the social worker
admin-menu-staff = 📇 Staff
admin-menu-offboard = 🚪 A staff member leaves
admin-offboard-pick = Whose access to Kohtaamo ends? Their roles go at once, and their students and open cases move to a successor.
admin-offboard-successor = { $name } coaches { $students ->
    [one] one student
   *[other] { $students } students
} and has { $cases ->
    [one] one open case
   *[other] { $cases } open cases
}. Who takes them over?
admin-offboard-confirm = <b>End { $name }'s access to Kohtaamo now?</b> All their staff roles go, and they see nothing any more. { $successor } gets { $students ->
    [one] one student
   *[other] { $students } students
} and { $cases ->
    [one] one open case
   *[other] { $cases } open cases
}; the students are told who their new coach is. What they logged earlier stays in the school's records under their name.
admin-offboard-yes = 🚪 Yes, end access
admin-student-study = 🎓 Study status
admin-study-pick = Where do the student's studies stand now? If they have ended, the check-ins stop, and the student is told.
admin-study = Status
    .studying = Studying
    .interrupted = Interrupted
    .transferred = Moved to another programme
    .graduated = Graduated
admin-study-set = { $name }: { $status }. Saved; the student was told if they are in Kohtaamo.
admin-study-status-unknown = Unknown study status.
admin-cancelled = Okay, cancelled. /admin opens the menu again.
admin-ask-group-name = Type the new group's name, for example SÄH24B.
admin-confirm-group = Create the group <b>{ $name }</b>?
admin-create-group = ✅ Create group
admin-group-created = ✅ The group <b>{ $name }</b> has been created. Add students by importing a student list (/admin).
admin-group-invalid = A group name must be 1–{ $limit } characters.
admin-group-exists = The group <b>{ $name }</b> already exists.
admin-group-required = Choose a group first.
admin-group-gone = The group no longer exists.
admin-ask-coach-name = Type the coach's full name as students know them, for example Matti Virtanen. You'll get a personal invite link for them.
admin-ask-coordinator-name = Type the new coordinator's full name. You'll get a personal invite link for them.
admin-ask-welfare-name = Type the full name of the school's social worker (kuraattori) or other welfare contact. They get an alert together with the coach when a student tells of violence or of not being safe. You'll get a personal invite link for them.
admin-ask-group-coach-name = Type the full name of the group coach of <b>{ $group }</b>.
admin-name-invalid = The name is missing. Type the full name.
admin-name-ambiguous = Several people are called { $name }. Use a name that tells them apart.
admin-already-coordinator = { $name } is already a coordinator.
admin-staff-link =
    Invite link: <b>{ $name }</b> ({ $role }). Send it to them directly – the link is personal, works once and is valid until { $date }.

    { $link }
admin-staff-already = { $name } is already in ({ $role }).
admin-staff-added = ✅ { $name } is now also the group coach of { $group }. I've told them.
admin-you-are-group-coach = 👋 You've been added as the group coach of <b>{ $group }</b>. /groups shows your groups.
admin-staff-title = <b>Staff ({ $count })</b>
admin-staff-none = No staff have been invited yet.
admin-staff-state = Status
    .joined = in
    .waiting = ✉️ hasn't opened the invite
admin-no-groups = There are no groups yet. Create a group or import a student list first.
admin-pick-group = Choose a group:
admin-pick-group-gc = Which group's group coach are you inviting?
admin-group-title = <b>{ $name }</b> – in { $active }, invited { $invited }, declined { $declined }
admin-group-empty = The group has no students yet.
admin-group-pick-student = Choose a student
admin-group-assign-all = Change the coach for the whole group
admin-group-new-links = New links for everyone who hasn't joined
admin-pick-student = Choose a student:
admin-student-view =
    <b>{ $name }</b> ({ $group })
    Status: { $status }
    Coach: { $coach } · backup coach: { $backup }
admin-student-new-link = 🔗 New invite link
admin-student-change-coach = Change coach
admin-student-link =
    New invite link: <b>{ $name }</b> ({ $group }). The old link no longer works. The new one is valid until { $date }.

    { $link }
admin-qr-caption = QR code: { $name }
admin-student-gone = The student can no longer be found.
admin-student-joined = The student has already joined, so no new link is needed.
admin-no-students = None of the chosen students could be found.
admin-no-coaches = There are no coaches yet. Invite a coach first.
admin-pick-coach = Who is the coach of { $count ->
    [one] the student
   *[other] the { $count } students
}?
admin-pick-backup = Who is the backup coach? They get the alert if the coach can't respond in time.
admin-no-backup = No backup coach
admin-backup-same = The backup coach must be someone other than the coach.
admin-not-a-coach = The chosen person is not a coach.
admin-assigned = ✅ Done: { $count ->
    [one] one student
   *[other] { $count } students
}, coach { $coach }, backup coach { $backup }. Students who have joined were told who their new coach is.
admin-coach-got-students = { $count ->
    [one] A new student has
   *[other] { $count } new students have
} been assigned to you. You'll find them with /students.

## Roster import
admin-roster-howto =
    <b>Import a student list</b>
    Paste the list as a message or send it as a CSV file (in Excel: Save as → CSV, semicolon separated), one student per line:
    <code>name;group;coach</code>
    You can add a backup coach as a fourth column, the study start date as a fifth and the date of birth as a sixth (it tells staff whether the duty to report for under-18s applies). Groups are created as needed; coaches must already be invited. You can send a long list in several messages.
    I check the whole list before anything is saved.
admin-roster-received = I've received { $lines ->
        [one] 1 line
       *[other] { $lines } lines
    } in total. Paste more or press Check.
admin-roster-check = 🔎 Check
admin-roster-import = ✅ Import
admin-roster-import-relink = Import and make new links for everyone
admin-roster-fix = Nothing was saved. Fix the lines and paste the whole list again.
admin-roster-expired = The pasted list has expired. Start again: /admin.
admin-roster-too-long = The list is too long for one go. Split it up, for example by group.
admin-roster-file-unreadable = I couldn't read the file. Save the list as a CSV file (semicolon separated) or paste the lines as a message.
admin-roster-csv-caption = Invite links ({ $links }) – give each student their own link, for example in Wilma. A link works once.
admin-roster-qr-caption = QR codes, one image per student.
roster-line = Line { $line }:
roster-problems = <b>The list has { $count ->
        [one] 1 thing
       *[other] { $count } things
    } to fix</b> – nothing was imported:
roster-more-problems = …and { $count } more.
roster-error-columns = expected 3 to 6 columns separated by semicolons (name;group;coach), found { $found }.
roster-error-start-date = I did not recognise the study start date (column 5). Write it as dd.mm.yyyy, e.g. 1.8.2026.
roster-error-birth-date = I did not recognise the date of birth (column 6). Write it as dd.mm.yyyy, e.g. 14.3.2009.
roster-error-empty-name = the name is missing.
roster-error-empty-group = the group is missing.
roster-error-group-long = the group name is too long (at most { $limit ->
        [one] 1 character
       *[other] { $limit } characters
    }).
roster-error-empty-coach = the coach is missing.
roster-error-duplicate = the same student in the same group as on line { $first }.
roster-error-unknown-coach = { $kind ->
    [backup] backup coach
   *[other] coach
} “{ $name }” not found. Invite them first or check the spelling.
roster-error-ambiguous-coach = several coaches are called “{ $name }”.
roster-known-coaches = Known coaches: { $names }
roster-error-empty = The list had no students.
roster-error-too-many = The list has more than { $limit ->
        [one] 1 line
       *[other] { $limit } lines
    }. Split it up.
roster-preview =
    <b>The list looks good</b> – { $rows ->
        [one] one student
       *[other] { $rows } students
    }:
    new { $new }, new link { $relinked }, link still valid { $valid }, already in { $joined }.
    Import them?
roster-done =
    <b>Imported</b> – { $rows ->
        [one] one student
       *[other] { $rows } students
    }: new { $new }, new link { $relinked }, link still valid { $valid }, already in { $joined }.
    New invite links: { $links }.
roster-new-groups = New groups: { $groups }
roster-coach-changes = The coach changed for { $count ->
    [one] one student
   *[other] { $count } students
}.
roster-clipped = Names that were too long were shortened on lines: { $lines }
roster-csv = Column
    .name = name
    .group = group
    .link = link
    .expires = valid until
    .coach = coach
    .status = status
roster-status = Status
    .new = new
    .new-link = new link
    .link-valid = earlier link still valid
    .joined = in

## A staff member leaves (kohtaamo admin offboard, /admin)
offboard-not-staff = They have no staff role in Kohtaamo.
offboard-last-coordinator = { $name } is the school's only coordinator. Invite a new coordinator first, so that someone can carry on.
offboard-bad-successor = The successor must be a coach or coordinator other than { $name }.
offboard-needs-successor = { $name } coaches { $students ->
    [one] one student
   *[other] { $students } students
} and has { $cases ->
    [one] one open case
   *[other] { $cases } open cases
}. Say who takes them over (the successor).
offboard-done = { $name } is no longer Kohtaamo staff and sees nothing any more. { $successor } got { $students ->
    [one] one student
   *[other] { $students } students
} and { $cases ->
    [one] one open case
   *[other] { $cases } open cases
}.
offboard-you = Your staff role in Kohtaamo has ended, so you no longer see students' data or get alerts. Thank you for your work! If this is a mistake, please contact the school's coordinator.
offboard-successor = { $name } has left Kohtaamo. You got { $students ->
    [one] one student
   *[other] { $students } students
} and { $cases ->
    [one] one open case
   *[other] { $cases } open cases
}. The students have been told that you are now their coach. See them with /students and the cases with /followups.
