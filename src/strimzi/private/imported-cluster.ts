import { Construct } from 'constructs';
import { bootstrapAddress, clusterConnectionDetails } from './connection';
import { CA_CERT_KEY, clientsCaCertSecretName, clusterCaCertSecretName } from './strimzi-names';
import { KafkaAuthorization } from '../authorization';
import type { IKafkaCluster, KafkaClusterAttributes } from '../cluster';
import { KafkaConnectionDetails, SecretKeyReference } from '../connection';
import { KafkaVersion } from '../kafka-version';
import { Listener } from '../listener';
import { StrimziTarget } from '../target';

/**
 * A cluster managed elsewhere: renders nothing, answers what other constructs
 * need to know from the attributes it was given.
 */
export class ImportedKafkaCluster extends Construct implements IKafkaCluster {
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly version: KafkaVersion;
  public readonly target: StrimziTarget;
  public readonly brokerCount: number;
  public readonly brokerNodeIds?: number[];
  public readonly authorization?: KafkaAuthorization;
  public readonly userSecretPrefix: string;
  public readonly topicNamespace: string;
  public readonly userNamespace: string;
  public readonly topicOperatorEnabled: boolean;
  public readonly userOperatorEnabled: boolean;
  public readonly cruiseControlEnabled: boolean;
  private readonly _listeners: Listener[];

  constructor(scope: Construct, id: string, attrs: KafkaClusterAttributes) {
    super(scope, id);
    this.clusterName = attrs.clusterName;
    this.namespace = attrs.namespace;
    this.version = attrs.version ?? KafkaVersion.LATEST;
    this.target = attrs.target ?? StrimziTarget.LATEST;
    this.brokerCount = attrs.brokerCount ?? 0;
    this.brokerNodeIds = attrs.brokerNodeIds && [...attrs.brokerNodeIds].sort((a, b) => a - b);
    this.authorization = attrs.authorization;
    this.userSecretPrefix = attrs.userSecretPrefix ?? '';
    this.topicNamespace = attrs.topicNamespace ?? attrs.namespace;
    this.userNamespace = attrs.userNamespace ?? attrs.namespace;
    this.topicOperatorEnabled = attrs.topicOperatorEnabled ?? true;
    this.userOperatorEnabled = attrs.userOperatorEnabled ?? true;
    this.cruiseControlEnabled = attrs.cruiseControlEnabled ?? false;
    this._listeners = [...(attrs.listeners ?? [])];
  }

  public get listeners(): Listener[] {
    return [...this._listeners];
  }

  public get authorizationEnabled(): boolean {
    return this.authorization !== undefined;
  }

  public get clusterCaCertificate(): SecretKeyReference {
    return { secretName: clusterCaCertSecretName(this.clusterName), key: CA_CERT_KEY };
  }

  public get clientsCaCertificate(): SecretKeyReference {
    return { secretName: clientsCaCertSecretName(this.clusterName), key: CA_CERT_KEY };
  }

  public findListener(name: string): Listener | undefined {
    return this._listeners.find((l) => l.name === name);
  }

  public bootstrapServers(listener: Listener): string {
    return bootstrapAddress(this.clusterName, this.namespace, listener);
  }

  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    return clusterConnectionDetails(this, listener);
  }
}
