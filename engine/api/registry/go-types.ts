/**
 * Go type descriptions of the API types whose values upstream prints inside validation messages
 * (`%#v` dumps). Field order follows the internal types (k/k pkg/apis/core/types.go,
 * pkg/apis/batch/types.go, pkg/apis/apps/types.go) and metav1 for selectors and ObjectMeta, since
 * the apiserver validates internal objects.
 */
import { go, type GoType } from './go-value';

const str = go.str();
const i32 = go.int('int32');
const i64 = go.int('int64');
const strs = go.slice(str);
const strMap = go.map(str, str);
const resourceList = go.map(go.str('core.ResourceName'), go.quantity(), 'core.ResourceList');

/** metav1.LabelSelectorRequirement. */
export const goLabelSelectorRequirement = go.struct('v1.LabelSelectorRequirement', [
  ['Key', 'key', str],
  ['Operator', 'operator', go.str('v1.LabelSelectorOperator')],
  ['Values', 'values', strs],
]);

/** metav1.LabelSelector (package name `v1` in dumps). */
export const goLabelSelector = go.struct('v1.LabelSelector', [
  ['MatchLabels', 'matchLabels', strMap],
  ['MatchExpressions', 'matchExpressions', go.slice(goLabelSelectorRequirement)],
]);

/** metav1.ObjectMeta. */
export const goObjectMeta = go.struct('v1.ObjectMeta', [
  ['Name', 'name', str],
  ['GenerateName', 'generateName', str],
  ['Namespace', 'namespace', str],
  ['SelfLink', 'selfLink', str],
  ['UID', 'uid', go.str('types.UID')],
  ['ResourceVersion', 'resourceVersion', str],
  ['Generation', 'generation', i64],
  ['CreationTimestamp', 'creationTimestamp', go.time()],
  ['DeletionTimestamp', 'deletionTimestamp', go.ptr(go.time())],
  ['DeletionGracePeriodSeconds', 'deletionGracePeriodSeconds', go.ptr(i64)],
  ['Labels', 'labels', strMap],
  ['Annotations', 'annotations', strMap],
  ['OwnerReferences', 'ownerReferences', go.slice(go.opaque('v1.OwnerReference'))],
  ['Finalizers', 'finalizers', strs],
  ['ManagedFields', 'managedFields', go.slice(go.opaque('v1.ManagedFieldsEntry'))],
]);

/** core.ServicePort. */
export const goServicePort = go.struct('core.ServicePort', [
  ['Name', 'name', str],
  ['Protocol', 'protocol', go.str('core.Protocol')],
  ['AppProtocol', 'appProtocol', go.ptr(str)],
  ['Port', 'port', i32],
  ['TargetPort', 'targetPort', go.intOrString()],
  ['NodePort', 'nodePort', i32],
]);

/** core.Taint. */
export const goTaint = go.struct('core.Taint', [
  ['Key', 'key', str],
  ['Value', 'value', str],
  ['Effect', 'effect', go.str('core.TaintEffect')],
  ['TimeAdded', 'timeAdded', go.ptr(go.time())],
]);

/** core.Toleration. */
export const goToleration = go.struct('core.Toleration', [
  ['Key', 'key', str],
  ['Operator', 'operator', go.str('core.TolerationOperator')],
  ['Value', 'value', str],
  ['Effect', 'effect', go.str('core.TaintEffect')],
  ['TolerationSeconds', 'tolerationSeconds', go.ptr(i64)],
]);

/** apps.DaemonSetUpdateStrategy (internal; rollingUpdate is a pointer). */
export const goDaemonSetUpdateStrategy = go.struct('apps.DaemonSetUpdateStrategy', [
  ['Type', 'type', go.str('apps.DaemonSetUpdateStrategyType')],
  ['RollingUpdate', 'rollingUpdate', go.ptr(go.opaque('apps.RollingUpdateDaemonSet'))],
]);

/** apps.DeploymentStrategy (internal). */
export const goDeploymentStrategy = go.struct('apps.DeploymentStrategy', [
  ['Type', 'type', go.str('apps.DeploymentStrategyType')],
  ['RollingUpdate', 'rollingUpdate', go.ptr(go.opaque('apps.RollingUpdateDeployment'))],
]);

/** batch.PodFailurePolicy. */
export const goPodFailurePolicy = go.struct('batch.PodFailurePolicy', [
  [
    'Rules',
    'rules',
    go.slice(
      go.struct('batch.PodFailurePolicyRule', [
        ['Action', 'action', go.str('batch.PodFailurePolicyAction')],
        [
          'OnExitCodes',
          'onExitCodes',
          go.ptr(go.opaque('batch.PodFailurePolicyOnExitCodesRequirement')),
        ],
        [
          'OnPodConditions',
          'onPodConditions',
          go.slice(
            go.struct('batch.PodFailurePolicyOnPodConditionsPattern', [
              ['Type', 'type', go.str('core.PodConditionType')],
              ['Status', 'status', go.str('core.ConditionStatus')],
            ]),
          ),
        ],
      ]),
    ),
  ],
]);

/** batch.SuccessPolicy. */
export const goSuccessPolicy = go.struct('batch.SuccessPolicy', [
  [
    'Rules',
    'rules',
    go.slice(
      go.struct('batch.SuccessPolicyRule', [
        ['SucceededIndexes', 'succeededIndexes', go.ptr(str)],
        ['SucceededCount', 'succeededCount', go.ptr(i32)],
      ]),
    ),
  ],
]);

const goContainerPort = go.struct('core.ContainerPort', [
  ['Name', 'name', str],
  ['HostPort', 'hostPort', i32],
  ['ContainerPort', 'containerPort', i32],
  ['Protocol', 'protocol', go.str('core.Protocol')],
  ['HostIP', 'hostIP', str],
]);

const goEnvVar = go.struct('core.EnvVar', [
  ['Name', 'name', str],
  ['Value', 'value', str],
  ['ValueFrom', 'valueFrom', go.ptr(go.opaque('core.EnvVarSource'))],
]);

const goEnvFromSource = go.struct('core.EnvFromSource', [
  ['Prefix', 'prefix', str],
  ['ConfigMapRef', 'configMapRef', go.ptr(go.opaque('core.ConfigMapEnvSource'))],
  ['SecretRef', 'secretRef', go.ptr(go.opaque('core.SecretEnvSource'))],
]);

const goVolumeMount = go.struct('core.VolumeMount', [
  ['Name', 'name', str],
  ['ReadOnly', 'readOnly', go.bool()],
  ['RecursiveReadOnly', 'recursiveReadOnly', go.ptr(go.str('core.RecursiveReadOnlyMode'))],
  ['MountPath', 'mountPath', str],
  ['SubPath', 'subPath', str],
  ['MountPropagation', 'mountPropagation', go.ptr(go.str('core.MountPropagationMode'))],
  ['SubPathExpr', 'subPathExpr', str],
]);

const goResourceRequirements = go.struct('core.ResourceRequirements', [
  ['Limits', 'limits', resourceList],
  ['Requests', 'requests', resourceList],
  [
    'Claims',
    'claims',
    go.slice(
      go.struct('core.ResourceClaim', [
        ['Name', 'name', str],
        ['Request', 'request', str],
      ]),
    ),
  ],
]);

const p = (name: string): GoType => go.ptr(go.opaque(name));

/** core.Container. */
export const goContainer = go.struct('core.Container', [
  ['Name', 'name', str],
  ['Image', 'image', str],
  ['Command', 'command', strs],
  ['Args', 'args', strs],
  ['WorkingDir', 'workingDir', str],
  ['Ports', 'ports', go.slice(goContainerPort)],
  ['EnvFrom', 'envFrom', go.slice(goEnvFromSource)],
  ['Env', 'env', go.slice(goEnvVar)],
  ['Resources', 'resources', goResourceRequirements],
  [
    'ResizePolicy',
    'resizePolicy',
    go.slice(
      go.struct('core.ContainerResizePolicy', [
        ['ResourceName', 'resourceName', go.str('core.ResourceName')],
        ['RestartPolicy', 'restartPolicy', go.str('core.ResourceResizeRestartPolicy')],
      ]),
    ),
  ],
  ['RestartPolicy', 'restartPolicy', go.ptr(go.str('core.ContainerRestartPolicy'))],
  ['VolumeMounts', 'volumeMounts', go.slice(goVolumeMount)],
  [
    'VolumeDevices',
    'volumeDevices',
    go.slice(
      go.struct('core.VolumeDevice', [
        ['Name', 'name', str],
        ['DevicePath', 'devicePath', str],
      ]),
    ),
  ],
  ['LivenessProbe', 'livenessProbe', p('core.Probe')],
  ['ReadinessProbe', 'readinessProbe', p('core.Probe')],
  ['StartupProbe', 'startupProbe', p('core.Probe')],
  ['Lifecycle', 'lifecycle', p('core.Lifecycle')],
  ['TerminationMessagePath', 'terminationMessagePath', str],
  ['TerminationMessagePolicy', 'terminationMessagePolicy', go.str('core.TerminationMessagePolicy')],
  ['ImagePullPolicy', 'imagePullPolicy', go.str('core.PullPolicy')],
  ['SecurityContext', 'securityContext', p('core.SecurityContext')],
  ['Stdin', 'stdin', go.bool()],
  ['StdinOnce', 'stdinOnce', go.bool()],
  ['TTY', 'tty', go.bool()],
]);

/** Volume sources, in internal field order; every one is a pointer. */
const VOLUME_SOURCES: [string, string, string][] = [
  ['HostPath', 'hostPath', 'core.HostPathVolumeSource'],
  ['EmptyDir', 'emptyDir', 'core.EmptyDirVolumeSource'],
  ['GCEPersistentDisk', 'gcePersistentDisk', 'core.GCEPersistentDiskVolumeSource'],
  ['AWSElasticBlockStore', 'awsElasticBlockStore', 'core.AWSElasticBlockStoreVolumeSource'],
  ['GitRepo', 'gitRepo', 'core.GitRepoVolumeSource'],
  ['Secret', 'secret', 'core.SecretVolumeSource'],
  ['NFS', 'nfs', 'core.NFSVolumeSource'],
  ['ISCSI', 'iscsi', 'core.ISCSIVolumeSource'],
  ['Glusterfs', 'glusterfs', 'core.GlusterfsVolumeSource'],
  ['PersistentVolumeClaim', 'persistentVolumeClaim', 'core.PersistentVolumeClaimVolumeSource'],
  ['RBD', 'rbd', 'core.RBDVolumeSource'],
  ['Quobyte', 'quobyte', 'core.QuobyteVolumeSource'],
  ['FlexVolume', 'flexVolume', 'core.FlexVolumeSource'],
  ['Cinder', 'cinder', 'core.CinderVolumeSource'],
  ['CephFS', 'cephfs', 'core.CephFSVolumeSource'],
  ['Flocker', 'flocker', 'core.FlockerVolumeSource'],
  ['DownwardAPI', 'downwardAPI', 'core.DownwardAPIVolumeSource'],
  ['FC', 'fc', 'core.FCVolumeSource'],
  ['AzureFile', 'azureFile', 'core.AzureFileVolumeSource'],
  ['ConfigMap', 'configMap', 'core.ConfigMapVolumeSource'],
  ['VsphereVolume', 'vsphereVolume', 'core.VsphereVirtualDiskVolumeSource'],
  ['AzureDisk', 'azureDisk', 'core.AzureDiskVolumeSource'],
  ['PhotonPersistentDisk', 'photonPersistentDisk', 'core.PhotonPersistentDiskVolumeSource'],
  ['Projected', 'projected', 'core.ProjectedVolumeSource'],
  ['PortworxVolume', 'portworxVolume', 'core.PortworxVolumeSource'],
  ['ScaleIO', 'scaleIO', 'core.ScaleIOVolumeSource'],
  ['StorageOS', 'storageos', 'core.StorageOSVolumeSource'],
  ['CSI', 'csi', 'core.CSIVolumeSource'],
  ['Ephemeral', 'ephemeral', 'core.EphemeralVolumeSource'],
  ['Image', 'image', 'core.ImageVolumeSource'],
];

/** The JSON keys of every volume source, in upstream's checking order. */
export const VOLUME_SOURCE_KEYS: readonly string[] = VOLUME_SOURCES.map(([, json]) => json);

const goVolume = go.struct('core.Volume', [
  ['Name', 'name', str],
  [
    'VolumeSource',
    '',
    go.struct(
      'core.VolumeSource',
      VOLUME_SOURCES.map(([goName, json, type]) => [goName, json, p(type)]),
    ),
  ],
]);

/** core.PodSpec (internal field order; host namespaces live in the security context). */
export const goPodSpec = go.struct('core.PodSpec', [
  ['Volumes', 'volumes', go.slice(goVolume)],
  ['InitContainers', 'initContainers', go.slice(goContainer)],
  ['Containers', 'containers', go.slice(goContainer)],
  ['EphemeralContainers', 'ephemeralContainers', go.slice(go.opaque('core.EphemeralContainer'))],
  ['RestartPolicy', 'restartPolicy', go.str('core.RestartPolicy')],
  ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', go.ptr(i64)],
  ['ActiveDeadlineSeconds', 'activeDeadlineSeconds', go.ptr(i64)],
  ['DNSPolicy', 'dnsPolicy', go.str('core.DNSPolicy')],
  ['NodeSelector', 'nodeSelector', strMap],
  ['ServiceAccountName', 'serviceAccountName', str],
  ['AutomountServiceAccountToken', 'automountServiceAccountToken', go.ptr(go.bool())],
  ['NodeName', 'nodeName', str],
  ['SecurityContext', 'securityContext', p('core.PodSecurityContext')],
  [
    'ImagePullSecrets',
    'imagePullSecrets',
    go.slice(go.struct('core.LocalObjectReference', [['Name', 'name', str]])),
  ],
  ['Hostname', 'hostname', str],
  ['Subdomain', 'subdomain', str],
  ['SetHostnameAsFQDN', 'setHostnameAsFQDN', go.ptr(go.bool())],
  ['Affinity', 'affinity', p('core.Affinity')],
  ['SchedulerName', 'schedulerName', str],
  ['Tolerations', 'tolerations', go.slice(goToleration)],
  [
    'HostAliases',
    'hostAliases',
    go.slice(
      go.struct('core.HostAlias', [
        ['IP', 'ip', str],
        ['Hostnames', 'hostnames', strs],
      ]),
    ),
  ],
  ['PriorityClassName', 'priorityClassName', str],
  ['Priority', 'priority', go.ptr(i32)],
  ['PreemptionPolicy', 'preemptionPolicy', go.ptr(go.str('core.PreemptionPolicy'))],
  ['DNSConfig', 'dnsConfig', p('core.PodDNSConfig')],
  [
    'ReadinessGates',
    'readinessGates',
    go.slice(
      go.struct('core.PodReadinessGate', [
        ['ConditionType', 'conditionType', go.str('core.PodConditionType')],
      ]),
    ),
  ],
  ['RuntimeClassName', 'runtimeClassName', go.ptr(str)],
  ['Overhead', 'overhead', resourceList],
  ['EnableServiceLinks', 'enableServiceLinks', go.ptr(go.bool())],
  [
    'TopologySpreadConstraints',
    'topologySpreadConstraints',
    go.slice(go.opaque('core.TopologySpreadConstraint')),
  ],
  ['OS', 'os', p('core.PodOS')],
  [
    'SchedulingGates',
    'schedulingGates',
    go.slice(go.struct('core.PodSchedulingGate', [['Name', 'name', str]])),
  ],
  ['ResourceClaims', 'resourceClaims', go.slice(go.opaque('core.PodResourceClaim'))],
  ['Resources', 'resources', p('core.ResourceRequirements')],
]);

/** core.PodTemplateSpec: what `spec.template: Invalid value: …: field is immutable` dumps. */
export const goPodTemplateSpec = go.struct('core.PodTemplateSpec', [
  ['ObjectMeta', 'metadata', goObjectMeta],
  ['Spec', 'spec', goPodSpec],
]);
