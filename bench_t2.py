import asyncio, tempfile, time, sys
from pathlib import Path
from bench import scenarios as sc
async def main():
    n = int(sys.argv[1]); m = int(sys.argv[2])
    d = Path(tempfile.mkdtemp(prefix="kb-"))
    t=time.time()
    r = await sc.echo_dialog(d, n, m)
    print(r.per_second, sc.summary(r), time.time()-t)
asyncio.run(main())
