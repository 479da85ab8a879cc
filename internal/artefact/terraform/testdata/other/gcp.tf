resource "google_sql_database_instance" "catalog" {
  name             = "catalog-pg"
  database_version = "POSTGRES_15"
  region           = "europe-west1"

  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      backup_retention_settings {
        retained_backups = 30
      }
    }
  }

  deletion_protection = false
}

resource "google_sql_database_instance" "catalog_replica" {
  name                 = "catalog-pg-replica"
  master_instance_name = google_sql_database_instance.catalog.name
  region               = "europe-west4"
  database_version     = "POSTGRES_15"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_storage_bucket" "images" {
  name     = "catalog-images"
  location = "EU"
  versioning {
    enabled = true
  }
}
