import asyncio, tempfile, time, sys
from pathlib import Path
from bench import scenarios as sc
async def main():
    n, o, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    d = Path(tempfile.mkdtemp(prefix="km-"))
    t = time.time()
    r = await sc.memory_and_cold_start(d, n, o, runs)
    print(sc.summary(r), time.time() - t, d)
asyncio.run(main())
