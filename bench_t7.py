import time
T0 = time.perf_counter()
import asyncio, sys, os
from pathlib import Path
from bench import procs
async def main():
    db = Path(sys.argv[1])
    d = Path("/tmp/kcold"); d.mkdir(exist_ok=True)
    s, base, rec = await procs.start_standin(d, limits=False)
    os.environ.update(procs.bot_env(base, db, 1000))
    t = time.perf_counter()
    from bot.config import load_settings
    from bot.telegram.runtime import Runtime
    import bot.telegram.handlers, bot.telegram.features
    print("imports", time.perf_counter() - t)
    rt = Runtime(load_settings())
    import bot.storage.db as dbm, bot.services.flows as fl, bot.i18n as i18n
    orig = {}
    def wrap(obj, name):
        f = getattr(obj, name)
        async def w(*a, **k):
            t = time.perf_counter(); r = await f(*a, **k); print(name, round(time.perf_counter() - t, 3)); return r
        setattr(obj, name, w)
    wrap(dbm.Database, "open") if False else None
    t = time.perf_counter(); await rt.start(); print("start", time.perf_counter() - t)
    await rt.stop(); await s.stop()
asyncio.run(main())
