import {
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  BranchesOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  EditOutlined,
  FileAddOutlined,
  ForkOutlined,
  FormOutlined,
  MergeOutlined,
  PartitionOutlined,
  PlayCircleOutlined,
  QuestionCircleOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import { isNodeType, type NodeType } from '@formwork/definitions';
import { createElement, type ComponentType } from 'react';

const ICONS: Record<NodeType, ComponentType<{ 'aria-hidden'?: boolean }>> = {
  start: PlayCircleOutlined,
  form_task: FormOutlined,
  approval: AuditOutlined,
  decision: BranchesOutlined,
  parallel_split: ForkOutlined,
  parallel_join: MergeOutlined,
  wait: ClockCircleOutlined,
  update_record: EditOutlined,
  create_record: FileAddOutlined,
  classify: TagsOutlined,
  notify: BellOutlined,
  webhook: ApiOutlined,
  subflow: PartitionOutlined,
  end: CheckCircleOutlined,
};

/** The icon of a node type (decorative: the type's name is written beside it). */
export function NodeTypeIcon({ type }: { type: string }) {
  return createElement(isNodeType(type) ? ICONS[type] : QuestionCircleOutlined, {
    'aria-hidden': true,
  });
}
