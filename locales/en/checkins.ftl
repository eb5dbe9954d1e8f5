### Check-ins: viikkokysely, aloituskysely and tyossaoppiminen (flows/*.yaml).
### Questions (q-), closings (close-), reasons for the coach (r-) and messages to the
### student before anything is shared (share-, variable $coach).
### Keep exactly the same ids and attributes, in the same order, as the fi and sv files.

## Answer scales: buttons are narrow, so emoji + a word or two (≤ 14 characters).
## s1 = worst, s5 = best.

scale-mood = How?
    .s1 = 😣 Really bad
    .s2 = 🙁 Bad
    .s3 = 😐 OK
    .s4 = 🙂 Good
    .s5 = 😄 Really good
scale-studies = How is it going?
    .s1 = 😣 Really badly
    .s2 = 🙁 Not well
    .s3 = 😐 OK
    .s4 = 🙂 Well
    .s5 = 😄 Really well
scale-often = How often?
    .s1 = 😣 Never
    .s2 = 🙁 Rarely
    .s3 = 😐 Sometimes
    .s4 = 🙂 Often
    .s5 = 😄 Always

## Weekly check-in (viikkokysely)

flow-viikkokysely = Weekly check-in
viikko-intro = Hi { $name }! 👋 How are things? This takes a couple of minutes. You can skip any question.
q-viikko-jaksaminen = What kind of week have you had? How are you coping?
q-viikko-tuki = Thanks for telling me. What could help you right now?
    .valmentaja = Talking with my coach
    .kuraattori = Talking to the school counsellor
    .opinnot = Help or flexibility with studies
    .parjaan = I'll manage, thanks
    .en_tieda = Not sure yet
q-viikko-opinnot = How are your studies going? Are you keeping up?
q-viikko-ryhma = Does it feel like you belong in the group at school?
q-viikko-poissaolot = Did you miss any lessons this week without an agreed reason? Sick days don't count.
    .ei = No
    .vahan = A few lessons
    .paljon = A day or more
q-viikko-arki = Are any of these hard right now? You can choose several.
    .uni = 😴 Sleep or tiredness
    .raha = 💶 Money
    .asuminen = 🏠 Housing
    .muu = Something else
    .kaikki_hyvin = 👍 All good
q-viikko-ajatukset = Have you thought lately about quitting your studies or switching fields? Many people think about it sometimes.
q-viikko-jutellaanko = Would you like to talk with your coach? If you answer yes, they will get in touch with you.
q-viikko-vapaa = Is there anything else on your mind? You can write in your own words.
close-viikko-keskeytys = Thank you for telling me this. It's good that you can talk about it. Your coach will get in touch with you, and together you can think about what would be best for you.
close-viikko-yhteys = Thanks for answering and for telling me. Your coach will get in touch with you soon. 💬
close-viikko-raskas = Thanks for answering. That sounds like a tough week – good that you told me. You're not alone with this. If you want to talk, type /jutellaan (“let's talk”) and your coach gets a message.
close-viikko-hyva = Thanks for your answers! Really nice to hear things have gone well for you. 🙌 See you next week!
close-viikko-osin = Thanks for your answers. Not everything is easy right now, and that's OK. If you'd like help or a chat, type /jutellaan (“let's talk”) any time.
close-viikko = Thanks for your answers! See you again next week. If you want to talk with your coach, type /jutellaan (“let's talk”) any time.

## Start of studies (aloituskysely)

flow-aloituskysely = Start of studies
aloitus-intro = Hi { $name }! 👋 Welcome to your studies! I'll ask a few things about how the start has gone and what matters to you. Only your own coach sees your answers – that way they get to know you. You can skip any question.
q-aloitus-alku = How has the start of your studies been?
q-aloitus-hyvin = What has gone well so far? Even a small thing counts.
q-aloitus-odotukset = What are you looking forward to most in your studies? You can choose several.
    .ammatti = Learning a profession
    .tekeminen = Hands-on work
    .tyo = Getting a job
    .kaverit = New friends
    .jatko = Further studies
    .en_tieda = Not sure yet
q-aloitus-huolet = Are you worried about any of these? You can choose several.
    .kaverit = Finding friends
    .opinnot = Coping with studies
    .raha = Money
    .matkat = Getting to school
    .kieli = The Finnish language
    .ei_mitaan = None of these
q-aloitus-vahvuudet = What are you good at, or what do you enjoy? It can be a hobby, a skill or, say, being a good friend.
q-aloitus-apu = Do you know who you can ask for help at school?
q-aloitus-jutellaanko = Would you like to talk with your coach? If you answer yes, they will get in touch with you.
close-aloitus-raskas = Thank you for telling me. The start is hard for many people, and there is help for it. Your coach will get in touch with you soon.
close-aloitus-yhteys = Thanks for your answers! Your coach will get in touch with you soon. Good to have you here. 😊
close-aloitus-hyva = Thanks for your answers! Great to hear the start has gone well. 🙌 Good to have you here.
close-aloitus = Thanks for your answers! Good to have you here. If you want to talk, type /jutellaan (“let's talk”) any time.

## On-the-job learning (tyossaoppiminen)

flow-tyossaoppiminen = Workplace check-in
tyo-intro = Hi { $name }! 👋 You're now learning at a workplace. I'll ask a few things about how it's going there. You can skip any question.
q-tyo-olo = How have you felt at the workplace?
q-tyo-ohjaus = Do you get help and advice from your workplace instructor when you need it?
    .aina = Yes, always
    .yleensa = Usually
    .harvoin = Rarely
    .en = Not really
    .ei_ohjaajaa = I don't know who my instructor is
q-tyo-turvallisuus = Do you feel safe at the workplace? That includes, for example, guidance, protective equipment and being treated well.
q-tyo-turva = What feels unsafe? You can choose several.
    .vaara = Dangerous tasks or machines
    .opastus = Not enough guidance
    .suojaimet = Protective gear is missing
    .kohtelu = Bad treatment or harassment
    .muu = Something else
q-tyo-kuormitus = How much do you have to do at the workplace?
    .sopivasti = The right amount
    .liikaa = Too much
    .liian_vahan = Too little
    .vaihtelee = It varies a lot
q-tyo-jutellaanko = Would you like to talk with your coach? If you answer yes, they will get in touch with you.
q-tyo-vapaa = Is there anything else you'd like to say about the workplace or anything else? Write in your own words.
close-tyo-turva = Thank you for telling me. Safety always comes before work. If something is dangerous right now, stop that task and tell someone you trust. In an emergency, call 112. Your coach will get in touch with you soon.
close-tyo-yhteys = Thanks for your answers! Your coach will get in touch with you soon, and you can think it through together.
close-tyo-hyva = Thanks for your answers! Great to hear things are going well at the workplace. 🙌 Have good working days!
close-tyo = Thanks for your answers! If you want to talk about anything at the workplace, type /jutellaan (“let's talk”) any time.

## Reasons for the coach (short heading in the alert or weekly digest, no variables)

r-crisis-text = Free text suggests a crisis – contact now
r-quitting = Thoughts of quitting studies or changing field
r-student-asked = The student wants to talk with you
r-wants-kuraattori = The student wants to talk with the school counsellor
r-study-help = Asks for help or flexibility with studies
r-absences = Many absences without an agreed reason this week
r-absences-repeat = Absences without an agreed reason in three check-ins in a row
r-low-wellbeing = Coping poorly in two check-ins in a row
r-studies-falling = Studies going clearly worse than before
r-silence = Has not answered the last two check-ins
r-wellbeing-info = Tough week: coping poorly
r-loneliness-text = Free text suggests loneliness
r-money-housing = Money or housing worries
r-start-hard = The start of studies feels bad
r-no-one-to-ask = Does not yet know whom to ask for help at school
r-worries = Worries at the start of studies
r-strengths = What has gone well, expectations and strengths at the start of studies
r-unsafe-work = Does not feel safe at the workplace
r-no-guidance = Gets no guidance at the workplace or does not know the workplace instructor
r-workplace-hard = Feels bad at the workplace
r-too-much-work = Feels there is too much to do at the workplace

## To the student before anything is shared: what is told, and to whom ($coach = the coach's name)

share-crisis-text = Thank you for telling me. What you wrote sounds serious, and we want to make sure you get help. Your coach, { $coach }, is told right away and will see what you wrote. They will get in touch with you. If you are in danger right now, call 112.
share-quitting = Your coach, { $coach }, will be told that you have been thinking about quitting your studies or switching fields. They will get in touch, and you can talk it over calmly.
share-student-asked = Your coach, { $coach }, will be told that you'd like to talk. They will get in touch with you.
share-wants-kuraattori = Your coach, { $coach }, will be told that you'd like to talk with the school counsellor. They will get in touch and help you get an appointment.
share-study-help = Your coach, { $coach }, will be told that you'd like help or flexibility with your studies. They will get in touch, and together you can work out what would help.
share-absences = Your coach, { $coach }, will be told that you missed a lot of lessons this week. They will get in touch, and together you can work out how to get back on track.
share-absences-repeat = In your last three check-ins you said you had missed lessons. Your coach, { $coach }, will be told and will get in touch, so you can find ways forward together.
share-low-wellbeing = In your last two check-ins you said you haven't been coping well. Your coach, { $coach }, will be told and will get in touch with you.
share-studies-falling = Going by your answers, your studies are going worse now than before. Your coach, { $coach }, will be told and will get in touch, so you get support in time.
share-wellbeing-info = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that you've had a tough week.
   *[other] will see in the weekly summary on { $when } that you've had a tough week.
    }
share-loneliness-text = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that you may have been feeling lonely.
   *[other] will see in the weekly summary on { $when } that you may have been feeling lonely.
    }
share-money-housing = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } which everyday things are hard for you right now. They can tell you where to get help.
   *[other] will see in the weekly summary on { $when } which everyday things are hard for you right now. They can tell you where to get help.
    }
share-start-hard = Your coach, { $coach }, will be told that the start has felt hard. They will get in touch with you.
share-no-one-to-ask = Your coach, { $coach }, will be told that you don't yet know whom to ask for help. They will get in touch and tell you who helps with what.
share-worries = Your coach, { $coach }, will see what worries you, so they know how to help.
share-strengths = Your coach, { $coach }, will see what you said about what has gone well, what you look forward to and what you're good at. That way they get to know you.
share-unsafe-work = Your coach, { $coach }, is told right away that you don't feel safe at the workplace, and will see what feels unsafe. They will get in touch, and together you will agree on what to do.
share-no-guidance = Your coach, { $coach }, will be told that you don't get enough guidance at the workplace or don't know who your instructor is. They will get in touch, and together you will agree on what to do.
share-workplace-hard = Your coach, { $coach }, will be told that you've been feeling bad at the workplace. They will get in touch with you.
share-too-much-work = Your coach, { $coach }, will see in the summary that you've had too much to do at the workplace.
