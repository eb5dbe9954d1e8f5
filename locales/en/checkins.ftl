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
scale-important = How important?
    .s1 = 😣 Not at all
    .s2 = 🙁 A little
    .s3 = 😐 Somewhat
    .s4 = 🙂 Important
    .s5 = 😄 Very
scale-lonely = How often?
    .s1 = 😣 All the time
    .s2 = 🙁 Often
    .s3 = 😐 Sometimes
    .s4 = 🙂 Rarely
    .s5 = 😄 Never

## Weekly check-in (viikkokysely)

flow-viikkokysely = Weekly check-in
viikko-intro = Hi { $name }! 👋 How are things? I'll ask a few short questions. You can skip any of them.
q-viikko-jaksaminen = What kind of week have you had?
q-viikko-tuki = Thanks for telling me. What could help you right now?
    .valmentaja = Talking with my coach
    .kuraattori = Talking to the school counsellor
    .opinnot = Help or flexibility with studies
    .parjaan = I'll manage, thanks
    .en_tieda = Not sure yet
q-viikko-opinnot = How have your studies gone this week?
q-viikko-ryhma = How often do you feel that you belong at school?
q-viikko-aikuinen = Is there an adult at school you can talk to if you have worries?
q-viikko-yksinaisyys = How often have you felt lonely lately?
q-viikko-poissaolot = Did you miss any lessons this week without permission? Sick days don't count.
    .ei = No
    .vahan = A few lessons
    .paljon = A day or more
q-viikko-merkitys = How important to you is what you are studying?
q-viikko-arki = Are any of these hard for you right now? You can choose several.
    .uni = 😴 Sleep or tiredness
    .raha = 💶 Money
    .asuminen = 🏠 Housing
    .muu = Something else
    .kaikki_hyvin = 👍 None of these
q-viikko-alanvaihto = Have you thought about changing fields or schools? Many people do, and it can be a good plan.
q-viikko-keskeytys = Have you thought lately about quitting your studies altogether?
q-viikko-jutellaanko = Would you like to talk with your coach? If you answer yes, they will get in touch with you.
q-viikko-vapaa = Is there anything else on your mind? You can write in your own words.
close-viikko-keskeytys = Thank you for telling me this. Many people think the same, and it helps to talk it over with someone.
close-viikko-yhteys = Thanks for answering and for telling me. 💬
close-viikko-raskas = Thanks for answering. That sounds like a tough week – good that you told me. If you want to talk with someone, type /jutellaan (“let's talk”) and your coach will get a message.
close-viikko-hyva = Thanks for your answers! Really nice to hear things have gone well for you. 🙌 See you next week!
close-viikko-osin = Thanks for your answers. Not everything is easy right now, and that's OK. If you'd like help or a chat, type /jutellaan (“let's talk”) any time.
close-viikko = Thanks for your answers! See you again next week. If you want to talk with your coach, type /jutellaan (“let's talk”) any time.

## Start of studies (aloituskysely)

flow-aloituskysely = Start of studies
aloitus-intro = Hi { $name }! 👋 Welcome to your studies! I'll ask a few things about how the start has gone and what matters to you. Your coach sees your answers – that way they get to know you. You can skip any question.
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
r-quitting = Thinking of quitting studies altogether
r-field-change = Thinking of changing field or school
r-student-asked = The student wants to talk with you
r-wants-kuraattori = The student wants to talk with the school counsellor
r-study-help = Asks for help or flexibility with studies
r-absences = Many absences without permission this week
r-absences-repeat = Absences without permission in three check-ins in a row
r-low-wellbeing = Coping poorly in two check-ins in a row
r-studies-falling = Studies going clearly worse than before
r-silence = Has not answered the last two check-ins
r-wellbeing-info = Tough week: coping poorly
r-loneliness-text = Free text suggests loneliness
r-bullying-text = Free text suggests bullying – the school must look into it
r-lonely = Often lonely in two check-ins in a row
r-no-trusted-adult = Has no adult at school to talk to
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
share-quitting = Your coach, { $coach }, will be told that you have been thinking about quitting your studies. They will get in touch, and you can talk it over calmly.
    .what = you have been thinking about quitting your studies
share-student-asked = Your coach, { $coach }, will be told that you'd like to talk. They will get in touch with you.
    .what = you'd like to talk with them
share-wants-kuraattori = Your coach, { $coach }, will be told that you'd like to talk with the school counsellor. They will get in touch and help you get an appointment.
    .what = you'd like to talk with the school counsellor (they will help you get an appointment)
share-study-help = Your coach, { $coach }, will be told that you'd like help or flexibility with your studies. They will get in touch, and together you can work out what would help.
    .what = you'd like help or flexibility with your studies
share-absences = Your coach, { $coach }, will be told that you missed a lot of lessons this week. They will get in touch, and together you can work out how to get back on track.
    .what = you missed a lot of lessons this week
share-absences-repeat = In your last three check-ins you said you had missed lessons. Your coach, { $coach }, will be told and will get in touch, so you can find ways forward together.
    .what = you have missed lessons three weeks in a row
share-low-wellbeing = In your last two check-ins you said your week had been bad. Your coach, { $coach }, will be told and will get in touch with you.
    .what = you have had two bad weeks in a row
share-studies-falling = Going by your answers, your studies are going worse now than before. Your coach, { $coach }, will be told and will get in touch, so you get support in time.
    .what = your studies are going worse now than before
share-wellbeing-info = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that you've had a tough week.
   *[other] will see in the weekly summary on { $when } that you've had a tough week.
    }
    .what = you've had a tough week
share-loneliness-text = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that you may have been feeling lonely.
   *[other] will see in the weekly summary on { $when } that you may have been feeling lonely.
    }
    .what = you may have been feeling lonely
share-bullying-text = Thank you for telling me. Bullying is never your fault, and the adults at school must step in. Your coach, { $coach }, will be told and will see what you wrote. They will get in touch, and together you will agree on what to do.
    .what = you wrote about bullying (they will see what you wrote)
share-lonely = In your last two check-ins you said you often feel lonely. Your coach, { $coach }, will be told and will get in touch with you.
    .what = you often feel lonely
share-no-trusted-adult = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that there is no adult at school you can talk to. They can be that adult – or help you find one.
   *[other] will see in the weekly summary on { $when } that there is no adult at school you can talk to. They can be that adult – or help you find one.
    }
    .what = there is no adult at school you can talk to
share-field-change = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } that you are thinking of changing fields or schools. They can help you look into the options.
   *[other] will see in the weekly summary on { $when } that you are thinking of changing fields or schools. They can help you look into the options.
    }
    .what = you are thinking of changing fields or schools
share-money-housing = Your coach, { $coach }, { $sameday ->
    [yes] will see on { $when } which everyday things are hard for you right now. They can tell you where to get help.
   *[other] will see in the weekly summary on { $when } which everyday things are hard for you right now. They can tell you where to get help.
    }
    .what = which everyday things are hard for you right now
share-start-hard = Your coach, { $coach }, will be told that the start has felt hard. They will get in touch with you.
share-no-one-to-ask = Your coach, { $coach }, will be told that you don't yet know whom to ask for help. They will get in touch and tell you who helps with what.
share-worries = Your coach, { $coach }, will see what worries you, so they know how to help.
share-strengths = Your coach, { $coach }, will see what you said about what has gone well, what you look forward to and what you're good at. That way they get to know you.
share-unsafe-work = Your coach, { $coach }, is told right away that you don't feel safe at the workplace, and will see what feels unsafe. They will get in touch, and together you will agree on what to do.
share-no-guidance = Your coach, { $coach }, will be told that you don't get enough guidance at the workplace or don't know who your instructor is. They will get in touch, and together you will agree on what to do.
share-workplace-hard = Your coach, { $coach }, will be told that you've been feeling bad at the workplace. They will get in touch with you.
share-too-much-work = Your coach, { $coach }, will see in the summary that you've had too much to do at the workplace.
share-combined-now = Your coach, { $coach }, will be told that
share-combined-digest = In the weekly summary on { $when } they will also see that
share-combined-digest-only = Your coach, { $coach }, will see in the weekly summary on { $when } that
share-combined-when = { $level ->
    [crisis] They will get in touch with you as soon as they can.
    [urgent] They will usually get in touch with you on the next school day.
   *[other] They will get in touch with you within a few school days.
}
