// Preloaded with `node --import` by the benchmark: records the peak resident set size on exit.
import { writeFileSync } from 'node:fs';

const target = process.env.ITAAS_BENCH_RSS;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
