/**
 * An existing resource group for a construct to create its resources in: an azurerm
 * `ResourceGroup` resource or `DataAzurermResourceGroup` data source fits as it is.
 */
export interface ResourceGroupRef {
  /** The resource group's name. */
  readonly name: string;
  /** The Azure region the construct's resources go to (the resource group's location). */
  readonly location: string;
}
