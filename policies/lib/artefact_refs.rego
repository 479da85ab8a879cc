# Data stores that name their Terraform resource: a review whose store is
# called orders-db while its Terraform resource is aws_db_instance.main
# (identifier "prod-orders-7") says which resource it means with
# data_stores[].terraform, and the claim rules read that one resource
# instead of matching by name.
package archvet.lib

import rego.v1

# The Terraform resources of a data store: the one its `terraform` field
# names by address, else those named like it (store_resources).
referenced_store_resources(store) := [r |
	some r in terraform_resources
	r.address == store.terraform
] if {
	is_string(store.terraform)
}

referenced_store_resources(store) := store_resources(store) if {
	not is_string(object.get(store, "terraform", null))
}
