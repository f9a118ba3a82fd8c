enum KaleidoSchemaModule {}
