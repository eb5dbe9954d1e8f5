"""Reports as use cases: the coordinator's and coaches' report (`service`), the daily
phenomenon scan with its cards, /ilmiot and evaluation reminders (`watch`), and the plan
dialog for a phenomenon (`plans`). The pure counting, anonymity and drawing they use live in
`bot/reports/`, which imports no use case."""
