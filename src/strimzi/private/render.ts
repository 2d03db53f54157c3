/*
 * Rules and helpers shared by the Strimzi constructs (library-internal, not exported
 * from the package). The renderers of the Strimzi shapes live in ../render/.
 */
import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ViolationCollector } from '../../common/validation';
import { _checkJvm, JvmOptions } from '../resources';

// The renderers moved to ../render/v1/common.ts (and compact to src/common/objects.ts);
// re-exported here for the modules that still import them from this file.
export { renderContainerTemplate, renderJvm, renderL1Resources, renderPodTemplate, renderProbe, renderResources } from '../render/v1/common';
export { compact } from '../../common/objects';

/** CPU amount in millicores. */
export function cpuMillis(c: kplus.Cpu): number {
  const a = c.amount;
  return a.endsWith('m') ? Number(a.slice(0, -1)) : Number(a) * 1000;
}

/** Checks requests <= limits and the heap against the memory limit. */
export function checkResources(c: ViolationCollector, subject: string, r: kplus.ContainerResources | undefined, jvm: JvmOptions | undefined): void {
  if (r?.cpu?.request && r.cpu.limit) {
    c.check(cpuMillis(r.cpu.request) > cpuMillis(r.cpu.limit), subject,
      `CPU request ${r.cpu.request.amount} is above the CPU limit ${r.cpu.limit.amount} (a request may not exceed its limit)`, 'lower the request or raise the limit', 'KAF-POOL-022');
  }
  if (r?.memory?.request && r.memory.limit) {
    c.check(kib(r.memory.request) > kib(r.memory.limit), subject,
      `memory request ${r.memory.request.asString()} is above the memory limit ${r.memory.limit.asString()} (a request may not exceed its limit)`, 'lower the request or raise the limit', 'KAF-POOL-022');
  }
  if (r?.ephemeralStorage?.request && r.ephemeralStorage.limit) {
    c.check(kib(r.ephemeralStorage.request) > kib(r.ephemeralStorage.limit), subject,
      `ephemeral-storage request ${r.ephemeralStorage.request.asString()} is above its limit ${r.ephemeralStorage.limit.asString()}`, 'lower the request or raise the limit', 'KAF-POOL-022');
  }
  _checkJvm(c, subject, jvm, r);
}

function kib(s: Size): number {
  return s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}
