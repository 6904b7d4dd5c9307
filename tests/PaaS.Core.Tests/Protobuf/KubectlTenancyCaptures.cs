namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// Bodies kubectl 1.32.4 sent for the tenancy kinds, recorded the same way as <see cref="KubectlCaptures"/>: a
/// throwaway HTTP server on 127.0.0.1 saved each POST body (Content-Type application/vnd.kubernetes.protobuf, to
/// <c>/api/v1/namespaces/{ns}/{resourcequotas|secrets|configmaps}?fieldManager=kubectl-create&amp;fieldValidation=Strict</c>),
/// and the JSON is the same command's <c>--dry-run=client -o json</c> without <c>creationTimestamp: null</c>.
/// </summary>
internal static class KubectlTenancyCaptures
{
    public static readonly KubectlCapture QuotaPodsAndCpu = new(
        "kubectl create quota compute --hard=pods=10,requests.cpu=2",
        """
        azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJAChcKB2NvbXB1dGUSABoAIgAqADIAOABCABIjCgwKBHBvZHMSBAoCMTAKEwoMcmVx
        dWVzdHMuY3B1EgMKATIaABoAIgA=
        """,
        """
        {
          "kind": "ResourceQuota",
          "apiVersion": "v1",
          "metadata": {
            "name": "compute"
          },
          "spec": {
            "hard": {
              "pods": "10",
              "requests.cpu": "2"
            }
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture SecretTls = new(
        "kubectl create secret tls web-tls --cert=cert.pem --key=key.pem -n demo (a throwaway self-signed P-256 pair made for this capture)",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0EoYHChsKB3dlYi10bHMSABoEZGVtbyIAKgAyADgAQgAS0wQKB3Rscy5jcnQSxwQtLS0tLUJFR0lO
        IENFUlRJRklDQVRFLS0tLS0KTUlJQmdqQ0NBU2VnQXdJQkFnSVVUSXFra2ZtZCtXR2M5MVozVTAxczdHS2JrbzB3Q2dZSUtvWkl6
        ajBFQXdJdwpGakVVTUJJR0ExVUVBd3dMZDJWaUxtVjRZVzF3YkdVd0hoY05Nall4TVRJM01EUXlPVEkyV2hjTk16WXhNVEkwCk1E
        UXlPVEkyV2pBV01SUXdFZ1lEVlFRRERBdDNaV0l1WlhoaGJYQnNaVEJaTUJNR0J5cUdTTTQ5QWdFR0NDcUcKU000OUF3RUhBMElB
        QkZWOE84NzEzT1lSaE5DRXQvY3BqZjZHV29qd3BvY2lucS8vSTRjcGdnZHdRU05lWVAyQQo5VGN5ZDN1UjlUb0t1VVR4YXAvV0Jy
        eHdmQXU4MlVpTHd4Q2pVekJSTUIwR0ExVWREZ1FXQkJTNEVkcG05Q3g2CjJMRUhuNjdobmx3dlQvRlkyakFmQmdOVkhTTUVHREFX
        Z0JTNEVkcG05Q3g2MkxFSG42N2hubHd2VC9GWTJqQVAKQmdOVkhSTUJBZjhFQlRBREFRSC9NQW9HQ0NxR1NNNDlCQU1DQTBrQU1F
        WUNJUUNlb0FIUGZvTkVBV2tRcEZoNQp0NUxxMnNoM0J2WmdQcHlLMmdsUzdRb0tqQUloQUsrVEIwbkc2MVVLaEg0ZzNDeXF1eitk
        RmZwUThEQTdrbGxMCnIyWG9YYS9vCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0KEv0BCgd0bHMua2V5EvEBLS0tLS1CRUdJTiBQ
        UklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ2pxUE9ONEJNOG56
        cG1HSHYKSk5ielpqL0VESXdtWEY1SnlRZ3IvY040SGd1aFJBTkNBQVJWZkR2Tzlkem1FWVRRaExmM0tZMytobHFJOEthSApJcDZ2
        L3lPSEtZSUhjRUVqWG1EOWdQVTNNbmQ3a2ZVNkNybEU4V3FmMWdhOGNId0x2TmxJaThNUQotLS0tLUVORCBQUklWQVRFIEtFWS0t
        LS0tChoRa3ViZXJuZXRlcy5pby90bHMaACIA
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "web-tls",
            "namespace": "demo"
          },
          "data": {
            "tls.crt": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnakNDQVNlZ0F3SUJBZ0lVVElxa2tmbWQrV0djOTFaM1UwMXM3R0tia28wd0NnWUlLb1pJemowRUF3SXcKRmpFVU1CSUdBMVVFQXd3TGQyVmlMbVY0WVcxd2JHVXdIaGNOTWpZeE1USTNNRFF5T1RJMldoY05Nell4TVRJMApNRFF5T1RJMldqQVdNUlF3RWdZRFZRUUREQXQzWldJdVpYaGhiWEJzWlRCWk1CTUdCeXFHU000OUFnRUdDQ3FHClNNNDlBd0VIQTBJQUJGVjhPODcxM09ZUmhOQ0V0L2NwamY2R1dvandwb2NpbnEvL0k0Y3BnZ2R3UVNOZVlQMkEKOVRjeWQzdVI5VG9LdVVUeGFwL1dCcnh3ZkF1ODJVaUx3eENqVXpCUk1CMEdBMVVkRGdRV0JCUzRFZHBtOUN4NgoyTEVIbjY3aG5sd3ZUL0ZZMmpBZkJnTlZIU01FR0RBV2dCUzRFZHBtOUN4NjJMRUhuNjdobmx3dlQvRlkyakFQCkJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0Ewa0FNRVlDSVFDZW9BSFBmb05FQVdrUXBGaDUKdDVMcTJzaDNCdlpnUHB5SzJnbFM3UW9LakFJaEFLK1RCMG5HNjFVS2hINGczQ3lxdXorZEZmcFE4REE3a2xsTApyMlhvWGEvbwotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",
            "tls.key": "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ2pxUE9ONEJNOG56cG1HSHYKSk5ielpqL0VESXdtWEY1SnlRZ3IvY040SGd1aFJBTkNBQVJWZkR2Tzlkem1FWVRRaExmM0tZMytobHFJOEthSApJcDZ2L3lPSEtZSUhjRUVqWG1EOWdQVTNNbmQ3a2ZVNkNybEU4V3FmMWdhOGNId0x2TmxJaThNUQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg=="
          },
          "type": "kubernetes.io/tls"
        }
        """);

    public static readonly KubectlCapture SecretGenericTwoLiterals = new(
        "kubectl create secret generic creds --from-literal=username=admin --from-literal=password='s3cr=t' -n demo",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0EkQKGQoFY3JlZHMSABoEZGVtbyIAKgAyADgAQgASEgoIcGFzc3dvcmQSBnMzY3I9dBIRCgh1c2Vy
        bmFtZRIFYWRtaW4aABoAIgA=
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "creds",
            "namespace": "demo"
          },
          "data": {
            "password": "czNjcj10",
            "username": "YWRtaW4="
          }
        }
        """);

    public static readonly KubectlCapture ConfigMapTwoLiterals = new(
        "kubectl create configmap settings --from-literal=mode=fast --from-literal=retries=3 -n demo",
        """
        azhzAAoPCgJ2MRIJQ29uZmlnTWFwEjoKHAoIc2V0dGluZ3MSABoEZGVtbyIAKgAyADgAQgASDAoEbW9kZRIEZmFzdBIMCgdyZXRy
        aWVzEgEzGgAiAA==
        """,
        """
        {
          "kind": "ConfigMap",
          "apiVersion": "v1",
          "metadata": {
            "name": "settings",
            "namespace": "demo"
          },
          "data": {
            "mode": "fast",
            "retries": "3"
          }
        }
        """);
}
