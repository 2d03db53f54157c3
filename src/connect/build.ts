import * as kplus from 'cdk8s-plus-27';
import { ContainerTemplateOptions, PodTemplateOptions } from '../strimzi/templates';

/**
 * The kind of a plugin artifact (`build.plugins[].artifacts[].type`).
 */
export enum PluginArtifactType {
  /** A JAR file, placed as is. */
  JAR = 'jar',
  /** A gzipped tar archive, extracted. */
  TGZ = 'tgz',
  /** A ZIP archive, extracted. */
  ZIP = 'zip',
  /** A Maven artifact and its runtime dependencies. */
  MAVEN = 'maven',
  /** Any other file, downloaded as is. */
  OTHER = 'other',
}

/**
 * The scope of Maven dependencies a Maven artifact pulls in.
 */
export enum MavenIncludeScope {
  /** `compile` */
  COMPILE = 'compile',
  /** `provided` */
  PROVIDED = 'provided',
  /** `runtime` (Maven's default for this resolution) */
  RUNTIME = 'runtime',
  /** `test` */
  TEST = 'test',
  /** `system` */
  SYSTEM = 'system',
}

/**
 * Options of a downloaded artifact (jar, tgz, zip, other).
 */
export interface DownloadArtifactOptions {
  /**
   * SHA-512 checksum of the file (128 hexadecimal digits). The build fails when the download differs.
   * @default - not verified (a warning is reported)
   */
  readonly sha512sum?: string;
  /**
   * Download without verifying the server's TLS certificate.
   * @default false
   */
  readonly insecure?: boolean;
}

/**
 * Options of an `other` artifact.
 */
export interface OtherArtifactOptions extends DownloadArtifactOptions {
  /**
   * File name in the plugin directory.
   * @default - the checksum or a hash of the URL
   */
  readonly fileName?: string;
}

/**
 * A Maven artifact (`type: maven`).
 */
export interface MavenArtifactOptions {
  /** Group ID, e.g. `io.debezium`. */
  readonly group: string;
  /** Artifact ID, e.g. `debezium-connector-postgres`. */
  readonly artifact: string;
  /** Version, e.g. `3.0.0.Final`. */
  readonly version: string;
  /**
   * Repository URL.
   * @default - Maven Central
   */
  readonly repository?: string;
  /**
   * Which dependency scope is included.
   * @default - Strimzi's default (runtime)
   */
  readonly includeScope?: MavenIncludeScope;
  /**
   * Mirror repository URLs.
   * @default - none
   */
  readonly mirrors?: string[];
  /**
   * Download without verifying TLS certificates.
   * @default false
   */
  readonly insecure?: boolean;
}

/**
 * One file a Connect build downloads into a plugin directory.
 */
export class PluginArtifact {
  /** A JAR file from `url` (http, https or ftp). */
  public static jar(url: string, options: DownloadArtifactOptions = {}): PluginArtifact {
    return new PluginArtifact(PluginArtifactType.JAR, url, options, undefined, undefined);
  }

  /** A `.tgz` archive from `url`, extracted into the plugin directory. */
  public static tgz(url: string, options: DownloadArtifactOptions = {}): PluginArtifact {
    return new PluginArtifact(PluginArtifactType.TGZ, url, options, undefined, undefined);
  }

  /** A `.zip` archive from `url`, extracted into the plugin directory. */
  public static zip(url: string, options: DownloadArtifactOptions = {}): PluginArtifact {
    return new PluginArtifact(PluginArtifactType.ZIP, url, options, undefined, undefined);
  }

  /** Any other file from `url`, placed as is (optionally under `fileName`). */
  public static other(url: string, options: OtherArtifactOptions = {}): PluginArtifact {
    return new PluginArtifact(PluginArtifactType.OTHER, url, options, options.fileName, undefined);
  }

  /** A Maven artifact with its dependencies, resolved during the build. */
  public static maven(options: MavenArtifactOptions): PluginArtifact {
    return new PluginArtifact(PluginArtifactType.MAVEN, undefined, { insecure: options.insecure }, undefined, options);
  }

  private constructor(
    /** The artifact type. */
    public readonly type: PluginArtifactType,
    /** The download URL (not for Maven). */
    public readonly url: string | undefined,
    /** Download options. */
    public readonly downloadOptions: DownloadArtifactOptions,
    /** The file name (`other` only). */
    public readonly fileName: string | undefined,
    /** The Maven coordinates (Maven only). */
    public readonly mavenOptions: MavenArtifactOptions | undefined,
  ) {}
}

/**
 * A Connect plugin: a directory under `/opt/kafka/plugins/<name>/` filled with artifacts.
 */
export interface ConnectPlugin {
  /** The plugin name: lower-case letters, digits, `-` and `_`, starting and ending with a letter or digit. Unique in the build. */
  readonly name: string;
  /** The files of the plugin (at least one). */
  readonly artifacts: PluginArtifact[];
}

/**
 * The kind of image a Connect build produces.
 */
export enum ConnectBuildOutputType {
  /** Push to a container registry (the only type on Kubernetes). */
  DOCKER = 'docker',
  /** An OpenShift ImageStream (OpenShift only). */
  IMAGE_STREAM = 'imagestream',
}

/**
 * Options of a registry output.
 */
export interface DockerBuildOutputOptions {
  /**
   * Secret of type `kubernetes.io/dockerconfigjson` (key `.dockerconfigjson`) with the push credentials.
   * @default - push without credentials
   */
  readonly pushSecret?: string;
  /**
   * Extra options of the builder's `build` command (Buildah or Kaniko, only the ones Strimzi allows).
   * @default - none
   */
  readonly additionalBuildOptions?: string[];
  /**
   * Extra options of Buildah's `push` command (`--authfile`, `--cert-dir`, `--creds`, `--quiet`, `--retry`, `--retry-delay`, `--tls-verify`).
   * @default - none
   */
  readonly additionalPushOptions?: string[];
}

/**
 * Where the image of a Connect build goes.
 */
export class ConnectBuildOutput {
  /** Push to a container registry, e.g. `registry.example.com/team/connect:1`. */
  public static docker(image: string, options: DockerBuildOutputOptions = {}): ConnectBuildOutput {
    return new ConnectBuildOutput(ConnectBuildOutputType.DOCKER, image, options);
  }

  /** An OpenShift ImageStream, e.g. `my-connect:latest` (OpenShift only). */
  public static imageStream(image: string): ConnectBuildOutput {
    return new ConnectBuildOutput(ConnectBuildOutputType.IMAGE_STREAM, image, {});
  }

  private constructor(
    /** The output type. */
    public readonly type: ConnectBuildOutputType,
    /** The image reference. */
    public readonly image: string,
    /** Registry options. */
    public readonly options: DockerBuildOutputOptions,
  ) {}
}

/**
 * A Connect image built by the operator (`spec.build`): Strimzi's Kafka image
 * plus the plugins, pushed to `output`.
 */
export interface ConnectBuild {
  /** Where the image goes. */
  readonly output: ConnectBuildOutput;
  /** The plugins (at least one, names unique). */
  readonly plugins: ConnectPlugin[];
  /**
   * Settings of the build pod (`template.buildPod`).
   * @default - Strimzi's defaults
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Settings of the build container (`template.buildContainer`).
   * @default - Strimzi's defaults
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * CPU and memory of the build pod.
   * @default - none set
   */
  readonly resources?: kplus.ContainerResources;
}

/** A plugin name the API server accepts. @internal */
export const _PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
/** An artifact URL the API server accepts. @internal */
export const _ARTIFACT_URL = /^(https?|ftp):\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]$/;
/** A SHA-512 checksum. @internal */
export const _SHA512 = /^[0-9a-fA-F]{128}$/;
