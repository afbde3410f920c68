import type { IVolume } from "kubernetes-models/v1/Volume";
import type { IVolumeMount } from "kubernetes-models/v1/VolumeMount";

/**
 * The only folders the Functions host writes in this image (function-app/Dockerfile), each
 * backed by its own emptyDir so the root file system can be read-only:
 * - `/tmp`: the host's LogPath (`/tmp/Functions`) and TestDataPath (`/tmp/FunctionsData`) outside
 *   App Service, plus .NET temp files and extension bundle downloads (azure-functions-host
 *   `WebScriptHostConfigurationSource.cs`; issue #8181: startup fails on a read-only root
 *   without a writable `/tmp`).
 * - `/azure-functions-host/Secrets`: the SecretsPath outside App Service,
 *   `AppContext.BaseDirectory/Secrets` (same file); the host writes its sentinel file there
 *   even when keys live in a Kubernetes Secret (azure-functions-docker #1210).
 * - `/home/.aspnet`: ASP.NET Core Data Protection's default key folder on Linux,
 *   `$HOME/.aspnet/DataProtection-Keys` with the image's `HOME=/home`
 *   (FileSystemXmlRepository.DefaultKeyStorageDirectory). `%HOME%/ASP.NET/DataProtection-Keys`
 *   applies only inside App Service (`WEBSITE_INSTANCE_ID` set; Azure.WebSites.DataProtection
 *   `Util.IsAzureEnvironment`), which these pods are not.
 * `/home/site/wwwroot` (the app) and `/FuncExtensionBundles` are only read.
 */
export const WRITABLE_PATHS: ReadonlyArray<{ readonly volume: string; readonly mountPath: string }> = [
  { volume: "tmp", mountPath: "/tmp" },
  { volume: "host-secrets", mountPath: "/azure-functions-host/Secrets" },
  { volume: "aspnet-keys", mountPath: "/home/.aspnet" },
];

/** One emptyDir per writable path: nothing written there outlives the pod. */
export function writableVolumes(): { volumes: IVolume[]; volumeMounts: IVolumeMount[] } {
  return {
    volumes: WRITABLE_PATHS.map(({ volume }) => ({ name: volume, emptyDir: {} })),
    volumeMounts: WRITABLE_PATHS.map(({ volume, mountPath }) => ({ name: volume, mountPath })),
  };
}
