# Crisis contacts – one file per language (DESIGN.md §5). Every helpline's name and number lives
# here as a term (-name); other messages (risk.ftl, safety.ftl …) refer to the terms, so when a
# number or its hours change, this file is the only one to edit.
# Check the numbers and hours before each term and update crisis-checked.
#
# Checked on 5 December 2026 against public sources (MIELI, MLL / nuortennetti.fi, Nollalinja /
# THL, Sekasin Kollektiivi, Väestöliitto). Opening hours change often: so the texts say "open
# around the clock" only for the lines that are (MIELI's Finnish line, Nollalinja), and "see the
# hours on the site" for the others. Nollalinja also answers in English.
crisis-checked = 5 December 2026

-mieli-line = MIELI Crisis Helpline
-mieli-number = 09 2525 0111
-sekasin = Sekasin chat
-sekasin-web = sekasin.fi
-nollalinja = Nollalinja
-nollalinja-number = 080 005 005
-mll-line = MLL Child and Youth Phone
-mll-number = 116 111
-mll-web = nuortennetti.fi
-boys-line = Poikien puhelin (Boys' Phone)
-boys-number = 0800 94884

# The full list: /help (bot.ftl help).
crisis-contacts =
    If you're in distress or feeling really bad right now, you are not alone. You can get help here – call or write:

    🆘 <b>112</b> – emergency number, if you or someone else is in danger right now.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – in Finnish, open 24/7. You can also call about thoughts of suicide.
    💬 <b>{ -sekasin }</b> – anonymous chat for 12–29-year-olds: { -sekasin-web } (see the hours on the site).
    📞 <b>{ -mll-line } { -mll-number }</b> – in Finnish, free, every day. Chat: { -mll-web }
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – if you face violence or the threat of it at home or in a relationship. Also in English, free, open 24/7.
    📞 <b>{ -boys-line } { -boys-number }</b> – for boys and young men under 20. In Finnish, free and anonymous, on weekdays.

    You can always also tell your coach or another adult you trust.

# The core of the crisis reply (in crisis-work order): danger now → crisis line → don't stay alone.
crisis-now =
    🆘 If you are in danger right now, call <b>112</b>.
    📞 <b>{ -mieli-line } { -mieli-number }</b> – always open (in Finnish). You can call right away, also if you are thinking of suicide.
    💬 If writing is easier: <b>{ -sekasin }</b>, { -sekasin-web }.
    Don't stay alone now: go to someone, or call someone you trust.
crisis-more = You can see more places to get help with /help.
crisis-local-heading = <b>Help at your school and nearby</b>
# A short reminder (outside school hours, a second crisis message): open now.
crisis-line-now = If you need help now, call the <b>{ -mieli-line } { -mieli-number }</b> – it is open around the clock. If you are in danger, call <b>112</b>.
# When a message tells of both self-harm and violence: crisis-now and this line.
crisis-violence-line = 📞 <b>{ -nollalinja } { -nollalinja-number }</b> – violence or the threat of it at home or in a relationship. Also in English, free, open 24/7.

# Child protection (violence, sexual violence, grooming, nowhere safe to be): not the suicide list.
child-contacts =
    🆘 If you are in danger right now, or have no safe place to be tonight, call <b>112</b>.
    📞 <b>{ -nollalinja } { -nollalinja-number }</b> – violence or the threat of it at home or in a relationship. Also in English, free, open 24/7.
    📞 <b>{ -mll-line } { -mll-number }</b> – in Finnish, free, every day. Chat: { -mll-web }
    💬 <b>{ -sekasin }</b> – anonymous chat for 12–29-year-olds: { -sekasin-web }

    Your school's social worker (kuraattori) can help too – you can talk to them face to face.
child-line-now = If you need help now, call <b>{ -nollalinja } { -nollalinja-number }</b> – it is open around the clock, also in English. If you are in danger or have no safe place to be, call <b>112</b>.
