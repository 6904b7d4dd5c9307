using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 Volume and every volume source a pod spec may name.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCoreVolumes(SchemaBuilder schema)
    {
        schema.Message(Core + "AWSElasticBlockStoreVolumeSource")
            .String(1, "volumeID", Keep)
            .String(2, "fsType")
            .Int32(3, "partition")
            .Bool(4, "readOnly");

        schema.Message(Core + "AzureDiskVolumeSource")
            .String(1, "diskName", Keep)
            .String(2, "diskURI", Keep)
            .String(3, "cachingMode", Keep)
            .String(4, "fsType", Keep)
            .Bool(5, "readOnly", Keep)
            .String(6, "kind", Keep);

        schema.Message(Core + "AzureFileVolumeSource")
            .String(1, "secretName", Keep)
            .String(2, "shareName", Keep)
            .Bool(3, "readOnly");

        schema.Message(Core + "CSIVolumeSource")
            .String(1, "driver", Keep)
            .Bool(2, "readOnly", Keep)
            .String(3, "fsType", Keep)
            .StringMap(4, "volumeAttributes")
            .Message(5, "nodePublishSecretRef", Core + "LocalObjectReference");

        schema.Message(Core + "CephFSVolumeSource")
            .Strings(1, "monitors")
            .String(2, "path")
            .String(3, "user")
            .String(4, "secretFile")
            .Message(5, "secretRef", Core + "LocalObjectReference")
            .Bool(6, "readOnly");

        schema.Message(Core + "CinderVolumeSource")
            .String(1, "volumeID", Keep)
            .String(2, "fsType")
            .Bool(3, "readOnly")
            .Message(4, "secretRef", Core + "LocalObjectReference");

        schema.Message(Core + "ClusterTrustBundleProjection")
            .String(1, "name", Keep)
            .String(2, "signerName", Keep)
            .Message(3, "labelSelector", Meta + "LabelSelector")
            .Bool(5, "optional", Keep)
            .String(4, "path", Keep);

        schema.Message(Core + "ConfigMapProjection")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .Messages(2, "items", Core + "KeyToPath")
            .Bool(4, "optional", Keep);

        schema.Message(Core + "ConfigMapVolumeSource")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .Messages(2, "items", Core + "KeyToPath")
            .Int32(3, "defaultMode", Keep)
            .Bool(4, "optional", Keep);

        schema.Message(Core + "DownwardAPIProjection")
            .Messages(1, "items", Core + "DownwardAPIVolumeFile");

        schema.Message(Core + "DownwardAPIVolumeFile")
            .String(1, "path", Keep)
            .Message(2, "fieldRef", Core + "ObjectFieldSelector")
            .Message(3, "resourceFieldRef", Core + "ResourceFieldSelector")
            .Int32(4, "mode", Keep);

        schema.Message(Core + "DownwardAPIVolumeSource")
            .Messages(1, "items", Core + "DownwardAPIVolumeFile")
            .Int32(2, "defaultMode", Keep);

        schema.Message(Core + "EmptyDirVolumeSource")
            .String(1, "medium")
            .Quantity(2, "sizeLimit");

        schema.Message(Core + "EphemeralVolumeSource")
            .Message(1, "volumeClaimTemplate", Core + "PersistentVolumeClaimTemplate");

        schema.Message(Core + "FCVolumeSource")
            .Strings(1, "targetWWNs")
            .Int32(2, "lun", Keep)
            .String(3, "fsType")
            .Bool(4, "readOnly")
            .Strings(5, "wwids");

        schema.Message(Core + "FlexVolumeSource")
            .String(1, "driver", Keep)
            .String(2, "fsType")
            .Message(3, "secretRef", Core + "LocalObjectReference")
            .Bool(4, "readOnly")
            .StringMap(5, "options");

        schema.Message(Core + "FlockerVolumeSource")
            .String(1, "datasetName")
            .String(2, "datasetUUID");

        schema.Message(Core + "GCEPersistentDiskVolumeSource")
            .String(1, "pdName", Keep)
            .String(2, "fsType")
            .Int32(3, "partition")
            .Bool(4, "readOnly");

        schema.Message(Core + "GitRepoVolumeSource")
            .String(1, "repository", Keep)
            .String(2, "revision")
            .String(3, "directory");

        schema.Message(Core + "GlusterfsVolumeSource")
            .String(1, "endpoints", Keep)
            .String(2, "path", Keep)
            .Bool(3, "readOnly");

        schema.Message(Core + "HostPathVolumeSource")
            .String(1, "path", Keep)
            .String(2, "type", Keep);

        schema.Message(Core + "ISCSIVolumeSource")
            .String(1, "targetPortal", Keep)
            .String(2, "iqn", Keep)
            .Int32(3, "lun", Keep)
            .String(4, "iscsiInterface")
            .String(5, "fsType")
            .Bool(6, "readOnly")
            .Strings(7, "portals")
            .Bool(8, "chapAuthDiscovery")
            .Bool(11, "chapAuthSession")
            .Message(10, "secretRef", Core + "LocalObjectReference")
            .String(12, "initiatorName", Keep);

        schema.Message(Core + "ImageVolumeSource")
            .String(1, "reference")
            .String(2, "pullPolicy");

        schema.Message(Core + "KeyToPath")
            .String(1, "key", Keep)
            .String(2, "path", Keep)
            .Int32(3, "mode", Keep);

        schema.Message(Core + "NFSVolumeSource")
            .String(1, "server", Keep)
            .String(2, "path", Keep)
            .Bool(3, "readOnly");

        schema.Message(Core + "PersistentVolumeClaimSpec")
            .Strings(1, "accessModes")
            .Message(4, "selector", Meta + "LabelSelector")
            .Message(2, "resources", Core + "VolumeResourceRequirements")
            .String(3, "volumeName")
            .String(5, "storageClassName", Keep)
            .String(6, "volumeMode", Keep)
            .Message(7, "dataSource", Core + "TypedLocalObjectReference")
            .Message(8, "dataSourceRef", Core + "TypedObjectReference")
            .String(9, "volumeAttributesClassName", Keep);

        schema.Message(Core + "PersistentVolumeClaimTemplate")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "PersistentVolumeClaimSpec");

        schema.Message(Core + "PersistentVolumeClaimVolumeSource")
            .String(1, "claimName", Keep)
            .Bool(2, "readOnly");

        schema.Message(Core + "PhotonPersistentDiskVolumeSource")
            .String(1, "pdID", Keep)
            .String(2, "fsType");

        schema.Message(Core + "PortworxVolumeSource")
            .String(1, "volumeID", Keep)
            .String(2, "fsType")
            .Bool(3, "readOnly");

        schema.Message(Core + "ProjectedVolumeSource")
            .Messages(1, "sources", Core + "VolumeProjection")
            .Int32(2, "defaultMode", Keep);

        schema.Message(Core + "QuobyteVolumeSource")
            .String(1, "registry", Keep)
            .String(2, "volume", Keep)
            .Bool(3, "readOnly")
            .String(4, "user")
            .String(5, "group")
            .String(6, "tenant");

        schema.Message(Core + "RBDVolumeSource")
            .Strings(1, "monitors")
            .String(2, "image", Keep)
            .String(3, "fsType")
            .String(4, "pool")
            .String(5, "user")
            .String(6, "keyring")
            .Message(7, "secretRef", Core + "LocalObjectReference")
            .Bool(8, "readOnly");

        schema.Message(Core + "ScaleIOVolumeSource")
            .String(1, "gateway", Keep)
            .String(2, "system", Keep)
            .Message(3, "secretRef", Core + "LocalObjectReference")
            .Bool(4, "sslEnabled")
            .String(5, "protectionDomain")
            .String(6, "storagePool")
            .String(7, "storageMode")
            .String(8, "volumeName")
            .String(9, "fsType")
            .Bool(10, "readOnly");

        schema.Message(Core + "SecretProjection")
            // Go embeds LocalObjectReference, so the referenced name is a plain "name" property here.
            .Inline(1, Core + "LocalObjectReference")
            .Messages(2, "items", Core + "KeyToPath")
            .Bool(4, "optional", Keep);

        schema.Message(Core + "SecretVolumeSource")
            .String(1, "secretName")
            .Messages(2, "items", Core + "KeyToPath")
            .Int32(3, "defaultMode", Keep)
            .Bool(4, "optional", Keep);

        schema.Message(Core + "ServiceAccountTokenProjection")
            .String(1, "audience")
            .Int64(2, "expirationSeconds", Keep)
            .String(3, "path", Keep);

        schema.Message(Core + "StorageOSVolumeSource")
            .String(1, "volumeName")
            .String(2, "volumeNamespace")
            .String(3, "fsType")
            .Bool(4, "readOnly")
            .Message(5, "secretRef", Core + "LocalObjectReference");

        schema.Message(Core + "Volume")
            .String(1, "name", Keep)
            // Go embeds VolumeSource, so hostPath, secret, configMap... sit beside "name" in the volume's JSON.
            .Inline(2, Core + "VolumeSource");

        schema.Message(Core + "VolumeProjection")
            .Message(1, "secret", Core + "SecretProjection")
            .Message(2, "downwardAPI", Core + "DownwardAPIProjection")
            .Message(3, "configMap", Core + "ConfigMapProjection")
            .Message(4, "serviceAccountToken", Core + "ServiceAccountTokenProjection")
            .Message(5, "clusterTrustBundle", Core + "ClusterTrustBundleProjection");

        schema.Message(Core + "VolumeResourceRequirements")
            .QuantityMap(1, "limits")
            .QuantityMap(2, "requests");

        schema.Message(Core + "VolumeSource")
            .Message(1, "hostPath", Core + "HostPathVolumeSource")
            .Message(2, "emptyDir", Core + "EmptyDirVolumeSource")
            .Message(3, "gcePersistentDisk", Core + "GCEPersistentDiskVolumeSource")
            .Message(4, "awsElasticBlockStore", Core + "AWSElasticBlockStoreVolumeSource")
            .Message(5, "gitRepo", Core + "GitRepoVolumeSource")
            .Message(6, "secret", Core + "SecretVolumeSource")
            .Message(7, "nfs", Core + "NFSVolumeSource")
            .Message(8, "iscsi", Core + "ISCSIVolumeSource")
            .Message(9, "glusterfs", Core + "GlusterfsVolumeSource")
            .Message(10, "persistentVolumeClaim", Core + "PersistentVolumeClaimVolumeSource")
            .Message(11, "rbd", Core + "RBDVolumeSource")
            .Message(12, "flexVolume", Core + "FlexVolumeSource")
            .Message(13, "cinder", Core + "CinderVolumeSource")
            .Message(14, "cephfs", Core + "CephFSVolumeSource")
            .Message(15, "flocker", Core + "FlockerVolumeSource")
            .Message(16, "downwardAPI", Core + "DownwardAPIVolumeSource")
            .Message(17, "fc", Core + "FCVolumeSource")
            .Message(18, "azureFile", Core + "AzureFileVolumeSource")
            .Message(19, "configMap", Core + "ConfigMapVolumeSource")
            .Message(20, "vsphereVolume", Core + "VsphereVirtualDiskVolumeSource")
            .Message(21, "quobyte", Core + "QuobyteVolumeSource")
            .Message(22, "azureDisk", Core + "AzureDiskVolumeSource")
            .Message(23, "photonPersistentDisk", Core + "PhotonPersistentDiskVolumeSource")
            .Message(26, "projected", Core + "ProjectedVolumeSource")
            .Message(24, "portworxVolume", Core + "PortworxVolumeSource")
            .Message(25, "scaleIO", Core + "ScaleIOVolumeSource")
            .Message(27, "storageos", Core + "StorageOSVolumeSource")
            .Message(28, "csi", Core + "CSIVolumeSource")
            .Message(29, "ephemeral", Core + "EphemeralVolumeSource")
            .Message(30, "image", Core + "ImageVolumeSource");

        schema.Message(Core + "VsphereVirtualDiskVolumeSource")
            .String(1, "volumePath", Keep)
            .String(2, "fsType")
            .String(3, "storagePolicyName")
            .String(4, "storagePolicyID");
    }
}
