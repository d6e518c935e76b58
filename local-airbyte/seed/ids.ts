// Fixed ids of the seeded data. Examples, snippets and other tests use these exact values.
export const SEED_IDS = {
  workspace: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
  /** A second workspace, for sources whose discovery changes or fails. */
  sandboxWorkspace: '5ae6b09b-fdec-41af-aaf7-7d94cfc33e02',
  customer: '0f4c2a1e-3b5d-4e6f-9a7b-8c9d0e1f2a3b',
  sources: {
    postgres: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01',
    stripe: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e02',
    github: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e03',
    /** Sandbox: its schema changes after the first discovery. */
    shopApi: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e04',
    /** Sandbox: its discover job fails (expired credentials). */
    salesforce: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e05',
  },
  destinations: {
    snowflake: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01',
    bigquery: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e02',
    localJson: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e03',
    sandboxJson: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e04',
  },
  /** The catalog id each source's discovery returns. */
  catalogs: {
    postgres: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d01',
    stripe: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d02',
    github: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d03',
    shopApi: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d04',
    shopApiChanged: 'c4a7e1d2-0b3f-4a5c-8d6e-9f0a1b2c3d05',
  },
  operations: {
    normalization: '4d5e6f7a-8b9c-4dae-9f01-2a3b4c5d6e01',
    dbt: '4d5e6f7a-8b9c-4dae-9f01-2a3b4c5d6e02',
  },
  connections: {
    ordersToSnowflake: '9e8f7a6b-5c4d-4e3f-8a1b-2c3d4e5f6a01',
  },
} as const;

/** Airbyte's connector definition ids for the connectors used by the seeds. */
export const DEFINITION_IDS = {
  sourcePostgres: 'decd338e-5647-4c0b-adf4-da0e75f5a750',
  sourceStripe: 'e094cb9a-26de-4645-8761-65c0c425d1de',
  sourceGithub: 'ef69ef6e-aa7f-4af1-a01d-ef775033524e',
  sourceSalesforce: 'b117307c-14b6-41aa-9422-947e34922962',
  /** A low-code connector built in the Connector Builder (custom definition). */
  sourceShopApi: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  destinationSnowflake: '424892c4-daac-4491-b35d-c6688ba547ba',
  destinationBigquery: '22f6c74f-5699-40ff-833c-4a879ea40133',
  destinationLocalJson: 'a625d593-bba5-4a1c-a53d-2d246268a816',
} as const;
