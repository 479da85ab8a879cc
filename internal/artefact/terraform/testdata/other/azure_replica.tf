resource "azurerm_postgresql_flexible_server" "billing_replica" {
  name                = "billing-pg-replica"
  resource_group_name = azurerm_resource_group.billing.name
  location            = "northeurope"
  create_mode         = "Replica"
  source_server_id    = azurerm_postgresql_flexible_server.billing.id
}
