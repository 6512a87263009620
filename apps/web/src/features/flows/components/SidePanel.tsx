import type { FlowError } from '@formwork/flows';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { describeProblem, settingOf } from '../utils/describeProblem';
import { EdgeSettings } from './EdgeSettings';
import { FlowSettings } from './FlowSettings';
import { NodeSettings } from './NodeSettings';
import { ProblemsList } from './ProblemsList';

interface SidePanelProps {
  state: FlowEditorState;
  onPickProblem: (problem: FlowError) => void;
}

/** Problems, then the settings of what is selected (one node, one edge, or the flow). */
export function SidePanel({ state, onPickProblem }: SidePanelProps) {
  const { t } = useTranslation();
  const { draft, selection, problems } = state;
  const nodesById = new Map(draft.nodes.map((node) => [node.id, node]));
  const describe = (errors: readonly FlowError[] | undefined) =>
    (errors ?? []).map((error) => ({
      setting: settingOf(error.path),
      text: describeProblem(error, t, nodesById),
    }));
  const settingsProblems = describe(problems.settings);
  const triggerProblemsOf = (setting: string) =>
    settingsProblems
      .filter((p) => p.setting === setting || p.setting.startsWith(`${setting}.`))
      .map((p) => p.text);

  const [nodeId] =
    selection.nodes.size === 1 && selection.edges.size === 0 ? [...selection.nodes] : [];
  const [edgeId] =
    selection.edges.size === 1 && selection.nodes.size === 0 ? [...selection.edges] : [];
  const node = nodeId ? nodesById.get(nodeId) : undefined;
  const edge = edgeId ? draft.edges.find((candidate) => candidate.id === edgeId) : undefined;

  let settings;
  if (node)
    settings = (
      <NodeSettings
        key={node.id}
        state={state}
        node={node}
        problems={describe(problems.byNode.get(node.id))}
        triggerProblemsOf={triggerProblemsOf}
      />
    );
  else if (edge)
    settings = (
      <EdgeSettings
        key={edge.id}
        state={state}
        edge={edge}
        problems={describe(problems.byEdge.get(edge.id)).map((p) => p.text)}
      />
    );
  else settings = <FlowSettings state={state} problemsOf={triggerProblemsOf} />;

  return (
    <aside
      className="fw-flow-side"
      aria-label={t('flows.editor.sidePanel')}
      data-testid="flow-side-panel"
    >
      <ProblemsList state={state} onPick={onPickProblem} />
      <Form layout="vertical" component="div" className="fw-flow-settings">
        {settings}
      </Form>
    </aside>
  );
}
