import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ViolationCollector } from '../common/validation';

/**
 * JVM options of a Kafka node (`jvmOptions`).
 */
export interface JvmOptions {
  /**
   * Initial heap size (`-Xms`), whole mebibytes.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly heapInitial?: Size;
  /**
   * Maximum heap size (`-Xmx`) in whole mebibytes, below the container memory limit.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly heapMax?: Size;
  /**
   * `-XX` options, e.g. `{ UseG1GC: 'true', MaxGCPauseMillis: '20' }`.
   * @default - none
   */
  readonly xx?: { [key: string]: string };
  /**
   * Whether garbage collection logging is enabled.
   * @default false
   */
  readonly gcLogging?: boolean;
  /**
   * Java system properties (`-D`).
   * @default - none
   */
  readonly systemProperties?: { [key: string]: string };
}

/**
 * A JVM heap size as Strimzi expects it (`^[0-9]+[mMgG]?$`), e.g. `3072m`.
 * @internal
 */
export function _jvmSize(s: Size): string {
  const mib = s.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  return `${Math.round(mib)}m`;
}

/**
 * The JVM options' rules: heap sizes Strimzi accepts, -Xms at most -Xmx, and the heap
 * below the container memory.
 * @internal
 */
export function _checkJvm(c: ViolationCollector, subject: string, jvm: JvmOptions | undefined,
  resources: kplus.ContainerResources | undefined): void {
  const jvmSize = _jvmSize;
  for (const [flag, size] of [['-Xms', jvm?.heapInitial], ['-Xmx', jvm?.heapMax]] as Array<[string, Size | undefined]>) {
    if (size) {
      const k = kib(size);
      c.check(k <= 0 || k % 1024 !== 0, subject, `JVM ${flag} ${size.asString()} is not a positive whole number of mebibytes (Strimzi accepts only m/g heap sizes)`, 'use Size.mebibytes() or Size.gibibytes()', 'KAF-POOL-019');
    }
  }
  if (jvm?.heapInitial && jvm.heapMax) {
    c.check(kib(jvm.heapInitial) > kib(jvm.heapMax), subject, `JVM -Xms ${jvmSize(jvm.heapInitial)} is above -Xmx ${jvmSize(jvm.heapMax)}`, 'make heapInitial at most heapMax', 'KAF-POOL-020');
  }
  const memLimit = resources?.memory?.limit ?? resources?.memory?.request;
  if (jvm?.heapMax && memLimit) {
    c.check(kib(jvm.heapMax) >= kib(memLimit), subject,
      `JVM -Xmx ${jvmSize(jvm.heapMax)} is not below the container memory ${resources?.memory?.limit ? 'limit' : 'request'} ${memLimit.asString()} (the heap, off-heap memory and page cache must fit, or the pod is OOM-killed)`,
      'keep -Xmx well below the memory limit (commonly at most half of it)', 'KAF-POOL-021');
  }
}

function kib(s: Size): number {
  return s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
}
