import { DockerProviderRegistryAuth } from "@cdktf/provider-docker/lib/provider";

/**
 * The user name Azure Container Registry expects with an Entra ID token as the password
 * (`az acr login --expose-token` prints it in its hint: `docker login <server> -u 00000000-0000-0000-0000-000000000000 -p <token>`).
 * A fixed, public value, not a secret.
 */
export const ACR_TOKEN_USERNAME = "00000000-0000-0000-0000-000000000000";

/**
 * How the docker provider signs in to the registry: Entra ID, no admin user, no secret in code,
 * config or state.
 *
 * The user name is fixed, and the password is left out so that the provider (kreuzwerker/docker 3.6.2)
 * takes it from its `DOCKER_REGISTRY_PASS` environment default: the token of
 * `az acr login --name <registry> --expose-token --query accessToken -o tsv`. Provider configuration
 * is never written to state, and an environment default is not even in a saved plan.
 *
 * Why not `~/.docker/config.json` (the provider's fallback when no user name is set): plain
 * `az acr login` stores an identity token there with an empty password, and the provider copies only
 * user name and password from that file, so every push and digest read would get a 401.
 */
export function dockerRegistryAuth(loginServer: string): DockerProviderRegistryAuth {
  return { address: loginServer, username: ACR_TOKEN_USERNAME };
}
