import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { RouteErrorPage } from './features/shell/components/RouteErrorPage';
import { lazyPage } from './lazyPage';

const LoginPage = lazyPage(() => import('./features/auth/components/LoginPage'), 'LoginPage');
const AppShell = lazyPage(() => import('./features/shell/components/AppShell'), 'AppShell');
const AppsPage = lazyPage(() => import('./features/apps/components/AppsPage'), 'AppsPage');
const AppPage = lazyPage(() => import('./features/apps/components/AppPage'), 'AppPage');
const EntityDesignerPage = lazyPage(
  () => import('./features/entities/components/EntityDesignerPage'),
  'EntityDesignerPage',
);
const RecordsGridPage = lazyPage(
  () => import('./features/records/components/RecordsGridPage'),
  'RecordsGridPage',
);
const RecordsPage = lazyPage(
  () => import('./features/records/components/RecordsPage'),
  'RecordsPage',
);
const FormDesignerPage = lazyPage(
  () => import('./features/forms/components/FormDesignerPage'),
  'FormDesignerPage',
);
const FormFillPage = lazyPage(
  () => import('./features/forms/components/FormFillPage'),
  'FormFillPage',
);
const ClassifierEditorPage = lazyPage(
  () => import('./features/classifiers/components/ClassifierEditorPage'),
  'ClassifierEditorPage',
);
const FlowEditorPage = lazyPage(
  () => import('./features/flows/components/FlowEditorPage'),
  'FlowEditorPage',
);
const FlowInstancePage = lazyPage(
  () => import('./features/flows/components/FlowInstancePage'),
  'FlowInstancePage',
);
const TasksPage = lazyPage(() => import('./features/tasks/components/TasksPage'), 'TasksPage');
const TemplatesPage = lazyPage(
  () => import('./features/templates/components/TemplatesPage'),
  'TemplatesPage',
);
const DashboardsPage = lazyPage(
  () => import('./features/dashboards/components/DashboardsPage'),
  'DashboardsPage',
);
const AdminLayout = lazyPage(
  () => import('./features/admin/components/AdminLayout'),
  'AdminLayout',
);
const UsersPage = lazyPage(() => import('./features/admin/components/UsersPage'), 'UsersPage');
const NotFoundPage = lazyPage(
  () => import('./features/shell/components/NotFoundPage'),
  'NotFoundPage',
);
const AuditPage = lazyPage(() => import('./features/admin/components/AuditPage'), 'AuditPage');

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            children: [
              { index: true, element: <Navigate to="/apps" replace /> },
              { path: 'apps', element: <AppsPage /> },
              { path: 'apps/:app', element: <AppPage /> },
              { path: 'apps/:app/entities/new', element: <EntityDesignerPage /> },
              { path: 'apps/:app/entities/:entity/design', element: <EntityDesignerPage /> },
              { path: 'apps/:app/entities/:entity/records', element: <RecordsGridPage /> },
              { path: 'apps/:app/forms/:form/design', element: <FormDesignerPage /> },
              { path: 'apps/:app/forms/:form/fill', element: <FormFillPage /> },
              { path: 'apps/:app/classifiers/:classifier', element: <ClassifierEditorPage /> },
              { path: 'apps/:app/flows/:flow', element: <FlowEditorPage /> },
              { path: 'flow-instances/:id', element: <FlowInstancePage /> },
              { path: 'records', element: <RecordsPage /> },
              { path: 'tasks', element: <TasksPage /> },
              { path: 'templates', element: <TemplatesPage /> },
              { path: 'dashboards', element: <DashboardsPage /> },
              {
                path: 'admin',
                element: <AdminLayout />,
                children: [
                  { index: true, element: <Navigate to="users" replace /> },
                  { path: 'users', element: <UsersPage /> },
                  { path: 'audit', element: <AuditPage /> },
                  { path: '*', element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage fullPage /> },
    ],
  },
]);
