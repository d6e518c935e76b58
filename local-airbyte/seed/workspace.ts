import type { WorkspaceRead } from '../apiTypes';
import { SEED_IDS } from './ids';

export function seedWorkspaces(): WorkspaceRead[] {
  return [
    {
      workspaceId: SEED_IDS.workspace,
      customerId: SEED_IDS.customer,
      email: 'data-platform@example.com',
      name: 'Data Platform',
      slug: 'data-platform',
      initialSetupComplete: true,
      displaySetupWizard: false,
      anonymousDataCollection: false,
      news: false,
      securityUpdates: false,
      notifications: [],
      firstCompletedSync: true,
      feedbackDone: false,
      defaultGeography: 'auto',
      webhookConfigs: [],
    },
    {
      workspaceId: SEED_IDS.sandboxWorkspace,
      customerId: SEED_IDS.customer,
      email: 'data-platform@example.com',
      name: 'Sandbox',
      slug: 'sandbox',
      initialSetupComplete: true,
      displaySetupWizard: false,
      anonymousDataCollection: false,
      news: false,
      securityUpdates: false,
      notifications: [],
      firstCompletedSync: false,
      feedbackDone: false,
      defaultGeography: 'auto',
      webhookConfigs: [],
    },
  ];
}
