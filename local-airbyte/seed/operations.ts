import type { OperationRead } from '../apiTypes';
import { SEED_IDS } from './ids';

export function seedOperations(): OperationRead[] {
  return [
    {
      workspaceId: SEED_IDS.workspace,
      operationId: SEED_IDS.operations.normalization,
      name: 'Normalization',
      operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } },
    },
    {
      workspaceId: SEED_IDS.workspace,
      operationId: SEED_IDS.operations.dbt,
      name: 'dbt — analytics models',
      operatorConfiguration: {
        operatorType: 'dbt',
        dbt: {
          gitRepoUrl: 'https://github.com/example/analytics-dbt.git',
          gitRepoBranch: 'main',
          dockerImage: 'fishtownanalytics/dbt:1.0.0',
          dbtArguments: 'run --select orders',
        },
      },
    },
  ];
}
