# Checked against DESIGN.md on 2026-11-23 — verify numbers and hours before each term (they change).
# Crisis contacts: sent at once when free text suggests a crisis (DESIGN.md §5).
# Phone numbers as plain text. Update crisis-checked too when you check the data.

crisis-contacts =
    If you're in distress or feeling really bad right now, you are not alone. You can get help here – call or write:

    🆘 <b>112</b> – emergency number, if you or someone else is in danger right now.
    📞 <b>MIELI Crisis Helpline 09 2525 0111</b> – in Finnish, open 24/7. You can also call about thoughts of suicide. In Swedish: 09 2525 0112 (open at certain times).
    📞 <b>MLL Child and Youth Phone 116 111</b> – free, every day. Chat: nuortennetti.fi
    💬 <b>Sekasin chat</b> – anonymous chat for 12–29-year-olds: sekasin.fi (check the opening hours on the site).
    📞 <b>Nollalinja 080 005 005</b> – if you face violence in a close relationship. Free, open 24/7.
    📞 <b>Poikien puhelin (Boys' Phone) 0800 94884</b> – for boys and young men under 20. Free and anonymous, on weekdays.

    You can always also tell your coach or another adult you trust.
crisis-checked = 23 November 2026

# The core of the crisis reply (in crisis-work order): danger now → crisis line → don't stay alone.
# The full list is behind /help (crisis-contacts).
crisis-now =
    🆘 If you are in danger right now, call <b>112</b>.
    📞 <b>MIELI Crisis Helpline 09 2525 0111</b> (in Finnish, always open; in Swedish 09 2525 0112 at set hours). You can call right away, also if you are thinking of suicide.
    💬 If writing is easier: <b>Sekasin chat</b>, sekasin.fi.
    Don't stay alone now: go to someone, or call someone you trust.
crisis-more = You can see more places to get help with /help.
crisis-local-heading = <b>Help at your school and nearby</b>
