resource "azurerm_postgresql_flexible_server" "billing" {
  name                         = "billing-pg"
  resource_group_name          = azurerm_resource_group.billing.name
  location                     = "westeurope"
  version                      = "16"
  sku_name                     = "GP_Standard_D2ds_v5"
  backup_retention_days        = 35
  geo_redundant_backup_enabled = true

  high_availability {
    mode = "ZoneRedundant"
  }
}

resource "azurerm_storage_account" "invoices" {
  name                     = "billinginvoices"
  resource_group_name      = azurerm_resource_group.billing.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "RAGZRS"

  blob_properties {
    versioning_enabled = true
  }
}

resource "azurerm_resource_group" "billing" {
  name     = "billing"
  location = "westeurope"
}
