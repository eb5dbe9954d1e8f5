import asyncio, tempfile, time
from pathlib import Path
from bench import procs
async def main():
    d = Path(tempfile.mkdtemp(prefix="kb-"))
    t = time.time(); s, base, rec = await procs.start_standin(d, limits=False); print("standin start", time.time()-t)
    t = time.time(); e = await procs.start_echo(d, base, 1000); print("echo spawn", time.time()-t)
    await asyncio.sleep(3)
    t = time.time(); await e.stop(); print("echo stop", time.time()-t)
    from bench.seed import seed_school
    t = time.time(); await seed_school(d / "k.db", {"B": 4}); print("seed", time.time()-t)
    t = time.time(); b = await procs.start_kohtaamo(d, base, d / "k.db", 1000); print("bot start", time.time()-t)
    t = time.time(); await b.stop(); print("bot stop", time.time()-t)
    t = time.time(); await s.stop(); print("standin stop", time.time()-t)
asyncio.run(main())
