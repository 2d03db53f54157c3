import { Size } from 'cdk8s';
import type { StorageModel, VolumeModel } from './model/kafka';
import { checkLabels, checkObjectName } from '../common/k8s-values';
import { checkWholeSize, kibOf, quantityOf } from '../common/safe-units';
import { ViolationCollector } from '../common/validation';

/**
 * The storage types Strimzi accepts on a node pool (`spec.storage.type`).
 */
export enum StorageType {
  /** An `emptyDir` volume: data is lost when the pod goes away. */
  EPHEMERAL = 'ephemeral',
  /** A PersistentVolumeClaim per node. */
  PERSISTENT_CLAIM = 'persistent-claim',
  /** Several volumes per node ("just a bunch of disks"). */
  JBOD = 'jbod',
}

/**
 * Options of ephemeral storage.
 */
export interface EphemeralStorageOptions {
  /**
   * Size limit of the `emptyDir` volume.
   * @default - no limit
   */
  readonly sizeLimit?: Size;
  /**
   * Whether this volume also stores the KRaft metadata log (`kraftMetadata: shared`).
   * Only meaningful for one volume of a JBOD.
   * @default false
   */
  readonly kraftMetadata?: boolean;
}

/**
 * Options of persistent-claim storage.
 */
export interface PersistentClaimStorageOptions {
  /** Size of the claim, e.g. `Size.gibibytes(100)`. */
  readonly size: Size;
  /**
   * Storage class of the claim.
   * @default - the cluster's default storage class
   */
  readonly storageClass?: string;
  /**
   * Whether the claim is deleted when the cluster (or the node) is removed.
   * @default false - claims and their data are kept
   */
  readonly deleteClaim?: boolean;
  /**
   * Labels selecting the PersistentVolume to bind.
   * @default - any volume
   */
  readonly selector?: { [key: string]: string };
  /**
   * VolumeAttributesClass of the claim.
   * @default - none
   */
  readonly volumeAttributesClass?: string;
  /**
   * Whether this volume also stores the KRaft metadata log (`kraftMetadata: shared`).
   * Only meaningful for one volume of a JBOD.
   * @default false
   */
  readonly kraftMetadata?: boolean;
}

/**
 * One volume of JBOD storage.
 */
export class JbodVolume {
  /**
   * A persistent-claim volume.
   * @param id the volume ID (>= 0, unique in the pool); PVCs are named `data-<id>-<cluster>-<pool>-<nodeId>`
   */
  public static persistentClaim(id: number, options: PersistentClaimStorageOptions): JbodVolume {
    return new JbodVolume(id, StorageType.PERSISTENT_CLAIM, options);
  }

  /**
   * An ephemeral (`emptyDir`) volume.
   * @param id the volume ID (>= 0, unique in the pool)
   */
  public static ephemeral(id: number, options: EphemeralStorageOptions = {}): JbodVolume {
    return new JbodVolume(id, StorageType.EPHEMERAL, options);
  }

  private constructor(
    /** The volume ID. */
    public readonly id: number,
    /** The volume type (ephemeral or persistent-claim). */
    public readonly type: StorageType,
    private readonly options: PersistentClaimStorageOptions | EphemeralStorageOptions,
  ) {}

  /** @internal */
  public _model(): VolumeModel {
    return { id: this.id, ...volumeModel(this.type, this.options) };
  }

  /** @internal */
  public get _options(): PersistentClaimStorageOptions | EphemeralStorageOptions {
    return this.options;
  }

  /** @internal */
  public get _kraftMetadata(): boolean {
    return this.options.kraftMetadata ?? false;
  }
}

/**
 * The storage of a node pool's nodes.
 */
export class Storage {
  /** An `emptyDir` volume per node: data is lost when a pod is deleted. For tests and demos. */
  public static ephemeral(options: EphemeralStorageOptions = {}): Storage {
    return new Storage(StorageType.EPHEMERAL, options, []);
  }

  /** A PersistentVolumeClaim per node. */
  public static persistentClaim(options: PersistentClaimStorageOptions): Storage {
    return new Storage(StorageType.PERSISTENT_CLAIM, options, []);
  }

  /** Several volumes per node. Mark one with `kraftMetadata` to choose where the KRaft metadata log lives. */
  public static jbod(volumes: JbodVolume[]): Storage {
    return new Storage(StorageType.JBOD, {}, volumes);
  }

  private constructor(
    /** The storage type. */
    public readonly type: StorageType,
    private readonly options: PersistentClaimStorageOptions | EphemeralStorageOptions,
    /** The volumes of JBOD storage (empty for other types). */
    public readonly volumes: JbodVolume[],
  ) {}

  /**
   * The storage as the version-neutral model.
   * @internal
   */
  public _model(): StorageModel {
    if (this.type === StorageType.JBOD) {
      return {
        type: StorageType.JBOD,
        volumes: this.volumes.map((v) => v._model()),
      };
    }
    return volumeModel(this.type, this.options);
  }

  /**
   * Checks the storage rules.
   * @internal
   */
  public _check(c: ViolationCollector, subject: string): void {
    const sized: Array<{ what: string; options: Partial<PersistentClaimStorageOptions>; type: StorageType }> = this.type === StorageType.JBOD
      ? this.volumes.map((v) => ({ what: `JBOD volume ${v.id}`, options: v._options, type: v.type }))
      : [{ what: 'storage', options: this.options, type: this.type }];
    for (const s of sized) {
      if (s.type === StorageType.PERSISTENT_CLAIM) {
        const size = s.options.size;
        c.check(!size || !(kibOf(size) > 0), subject, `${s.what} has size ${size ? quantityOf(size) : 'unset'}; a persistent claim needs a size above zero`, 'set size, e.g. Size.gibibytes(100)', 'KAF-POOL-008');
        if (size && kibOf(size) > 0) checkWholeSize(c, subject, `${s.what} size`, size, 'KAF-K8S-007');
        checkObjectName(c, subject, `${s.what} storage class`, s.options.storageClass);
        checkLabels(c, subject, `the ${s.what} PVC selector`, s.options.selector);
      } else if ((s.options as any).sizeLimit) {
        checkWholeSize(c, subject, `${s.what} sizeLimit`, (s.options as any).sizeLimit, 'KAF-K8S-007');
      }
    }
    if (this.type !== StorageType.JBOD) {
      return;
    }
    c.check(this.volumes.length === 0, subject, 'JBOD storage has no volumes', 'add at least one JbodVolume', 'KAF-POOL-009');
    const seen = new Set<number>();
    for (const v of this.volumes) {
      c.check(!Number.isInteger(v.id) || v.id < 0, subject, `JBOD volume id ${v.id} is not an integer >= 0`, 'use ids 0, 1, 2, ...', 'KAF-POOL-010');
      c.check(seen.has(v.id), subject, `JBOD volume id ${v.id} is used twice (ids must be unique; they name the PVCs)`, 'give every volume its own id', 'KAF-POOL-011');
      seen.add(v.id);
    }
    const meta = this.volumes.filter((v) => v._kraftMetadata);
    c.check(meta.length > 1, subject, `JBOD volumes ${meta.map((v) => v.id).join(', ')} all claim the KRaft metadata log (kraftMetadata); only one volume can hold it`, 'set kraftMetadata on one volume only', 'KAF-POOL-012');
  }
}

function volumeModel(type: StorageType, options: PersistentClaimStorageOptions | EphemeralStorageOptions): VolumeModel {
  const o: Partial<PersistentClaimStorageOptions & EphemeralStorageOptions> = options;
  const out: { -readonly [K in keyof VolumeModel]: VolumeModel[K] } = { type };
  if (type === StorageType.EPHEMERAL) {
    if (o.sizeLimit) out.sizeLimit = quantityOf(o.sizeLimit);
  } else {
    out.size = o.size ? quantityOf(o.size) : undefined;
    if (o.storageClass !== undefined) out.class = o.storageClass;
    out.deleteClaim = o.deleteClaim ?? false;
    if (o.selector !== undefined) out.selector = { ...o.selector };
    if (o.volumeAttributesClass !== undefined) out.volumeAttributesClass = o.volumeAttributesClass;
  }
  if (o.kraftMetadata) out.kraftMetadata = 'shared';
  return out;
}
