"""Privacy: a student's own data (see, export, erase, pause), replies not kept once sent,
and what happens to a person's data when they leave."""
