// Writes docs/model-rationale.md: for every dimension of the built-in model, what the source article
// says about it, the industry practice its scale follows, and each level descriptor beside the option
// of every built-in question that scores that level. The descriptors and options come from the YAML
// files, so the page cannot drift from them (a test compares it with a fresh rendering);
// the traces below are the only hand-written part.
//
//   npm run rationale
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Per dimension: the sentences of the article it traces to, and the practice its levels follow. */
const TRACES = {
  virtualization: {
    article: ['In Phase I, when IT was seen as a cost center, virtualization created dramatic CapEx savings, resulting in more efficient IT production.'],
    practice:
      'The share of server workloads on shared virtual platforms is the usual measure of consolidation; the bands (under a quarter, a quarter to 60%, 60% to 90%, over 90%) are the ones the question asks, and the descriptors state the same bands. A virtual-by-default policy and hardware bought centrally against a capacity plan mark a consolidation that is finished rather than opportunistic.',
  },
  automation: {
    article: ['In Phase II, automation results in faster business production, and implementing management tools improves quality of service and reliability.'],
    practice:
      'Infrastructure and configuration as code in version control, drift detection, and release pipelines with automated tests and rollback, as commonly practised in DevOps teams. Level 4 adds automated remediation of known faults.',
  },
  'management-tools': {
    article: ['In Phase II, automation results in faster business production, and implementing management tools improves quality of service and reliability.'],
    practice:
      'ITIL event, configuration and monitoring practice: central monitoring, events that open incidents, a CMDB kept current by discovery and relied on in daily work (asked separately: whether it exists, and whether people rely on it), and end-to-end service monitoring at the top.',
  },
  'service-brokering': {
    article: [
      'And in Phase III, IT becomes a service broker, reducing OpEx and increasing agility.',
      'In this phase, IT uses an “IT-as-a-Service” approach, focusing on the end-to-end services that support the business mission, and leveraging technologies and sourcing options that make providing those services reliable, agile, flexible and cost-effective.',
    ],
    practice:
      "Service integration and management (SIAM): one catalogue and one request channel for internal and external services, external services monitored, supported through IT's own service desk and covered by the service levels IT reports (three separate questions, one criterion each).",
  },
  sourcing: {
    article: ['… leveraging technologies and sourcing options that make providing those services reliable, agile, flexible and cost-effective.'],
    practice:
      'A sourcing strategy decided per service on cost, risk and fit, vendor management with measured service levels, and exit plans for critical suppliers. The levels measure the ability to choose and to move a service, not how much is outsourced: a deliberate in-house strategy with that ability scores as well as a deliberate external one.',
  },
  'process-orientation': {
    article: [
      'Today, many IT organizations are process-oriented. Their key IT Service Management (ITSM) processes are managed, process owners are identified, and their processes are enabled through an integrated ITSM tool.',
    ],
    practice:
      'ITIL process ownership: documented incident, request, change, problem and configuration management with named owners, KPIs and one integrated ITSM tool; continual improvement at level 4.',
  },
  'service-orientation': {
    article: [
      'A service-oriented approach enables IT to link the customer outcome to IT services, to applications, and to the infrastructure.',
      'These organizations are defining their services, publishing their service catalog, and establishing service owners.',
    ],
    practice: 'ITIL service catalogue management and the service owner role; service maps that link business services to applications and infrastructure; portfolio management at level 4.',
  },
  'business-orientation': {
    article: [
      'Many IT leaders also talk about “running IT like a business.” This brings a higher level of maturity to IT, with the same fiscal discipline required to manage a traditional business.',
      'In this model, business relationship managers act much like account managers in a commercial IT service provider, i.e. building a strategic relationship with the business.',
    ],
    practice: 'Business relationship management, demand management with joint prioritisation, and performance reporting against agreed targets, as in ITIL and common IT governance practice.',
  },
  'financial-transparency': {
    article: [
      'This entails economic transparency or even an economic transaction where the business pays IT based on service consumption and IT, in return, commits to delivering a certain service level.',
    ],
    practice:
      'IT financial management: costs by category, then allocated, then a service cost model with unit costs, benchmarked against external prices at the top (as in Technology Business Management).',
  },
  'quality-of-service': {
    article: ['XaaS are characterized by the quality of service being actively managed, …', '… IT, in return, commits to delivering a certain service level.'],
    practice:
      'ITIL service level management: service levels written down per service and agreed with the business (two separate questions), measured per service rather than per component, reviewed with customers, with improvement plans at level 4.',
  },
  'rapid-provisioning': {
    article: ['XaaS are characterized by … services being rapidly provisioned (typically through automation), …'],
    practice:
      'Lead time from request to a ready standard server, and to a complete environment, with self-service and automated fulfilment. The descriptors state both lead-time bands the questions ask: a server in more than a month, two to four weeks, a few days to a week, the same day, minutes; an environment in months, several weeks, about a week, one or two days, hours.',
  },
  'pay-per-use': {
    article: [
      'XaaS are characterized by … ability to pay for what you use, …',
      'While service management encourages these characteristics, achieving these characteristics across all IT services is a goal of ITaaS.',
    ],
    practice:
      "Metering, then showback (consumption shown with its cost while a fixed allocation is paid, level 2), then chargeback by metered consumption for the main services (level 3), then every service, internal and external, charged by actual use (level 4). The default target is level 3, the first level at which business units actually pay for what they use; the article sets that as the goal for every service, which an assessment can set with a target of 4. IT's own cost base is asked about neutrally: in-house capacity that is pooled and reused counts as flexible as much as a contract priced by use.",
  },
  elasticity: {
    article: ['XaaS are characterized by … elastic capacity, …'],
    practice:
      'Capacity management and automatic scaling: how fast capacity is added (months, weeks, days, hours, minutes), whether it is released when demand drops, and whether the cost then goes down (two separate questions).',
  },
  resilience: {
    article: ['XaaS are characterized by … high availability and resiliency.', 'In Phase II, … implementing management tools improves quality of service and reliability.'],
    practice:
      'Business continuity practice (as in ISO 22301): a disaster recovery plan per critical service, and recovery time and recovery point objectives agreed with the business (two separate questions), tested at least yearly; no single points of failure and automatic failover at the top.',
  },
};

const text = (t, lang = 'en') => (typeof t === 'string' ? t : (t?.[lang] ?? ''));
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();
const cell = (s) => oneLine(s).replace(/\|/g, '\\|');

/** The page, from the model and questionnaire as parsed from YAML. */
export function renderRationale(model, questionnaire) {
  const out = [];
  const scale = model.scale.map((s) => ({ level: s.level, label: text(s.label) }));
  const questions = questionnaire.sections.flatMap((s) => s.questions);
  const gates = (id) =>
    [
      ...model.phases.list.flatMap((p) => p.requires.filter((r) => r.dimension === id).map((r) => `${text(p.title)} needs ${r.min}`)),
      ...model.stages.list.flatMap((s) => s.requires.filter((r) => r.dimension === id).map((r) => `${text(s.title)} needs ${r.min}`)),
    ].join('; ');
  out.push(
    '# Why the model says what it says',
    '',
    '<!-- Generated by `npm run rationale` from models/itaas.yaml, questionnaires/itaas-core.yaml and the traces in scripts/model-rationale.mjs. Do not edit by hand. -->',
    '',
    `For each dimension of the built-in model (\`${model.id}\` ${model.version}) and questionnaire (\`${questionnaire.id}\` ${questionnaire.version}): the sentences of the source article it traces to, the industry practice its levels follow where the article is silent, and, level by level, the descriptor beside the option of each question that scores that level. An option and the descriptor of its level say the same thing; where both state a range (a share or a lead time) they state the same range, and \`itaas validate --strict\` checks that.`,
    '',
    'Source article: Reg Lo, “IT-as-a-Service (ITaaS): Transforming How We Manage IT”. Quotations are verbatim; “…” marks an omission.',
    '',
  );
  for (const axis of model.axes) {
    out.push(`## ${text(axis.title)}`, '');
    for (const d of model.dimensions.filter((x) => x.axis === axis.id)) {
      const trace = TRACES[d.id];
      const qs = questions.filter((q) => q.dimension === d.id);
      out.push(`### ${text(d.title)}`, '', oneLine(text(d.description)), '');
      out.push(`Default target: level ${d.target}.${gates(d.id) ? ` Gates: ${gates(d.id)}.` : ''}`, '');
      if (trace) {
        for (const a of trace.article) out.push(`> ${a}`, '');
        out.push(`Practice: ${trace.practice}`, '');
      }
      out.push(`Questions: ${qs.map((q) => `\`${q.id}\`${(q.weight ?? 1) !== 1 ? ` (weight ${q.weight})` : ''} ${oneLine(text(q.text))}`).join(' · ')}`, '');
      out.push('| Level | Descriptor | Options that score it |', '| --- | --- | --- |');
      for (const s of scale) {
        const opts = qs.flatMap((q) => q.options.filter((o) => o.level === s.level).map((o) => `\`${q.id}\`: **${cell(text(o.label))}**${o.description ? ` – ${cell(text(o.description))}` : ''}`));
        out.push(`| ${s.level} ${s.label} | ${cell(text(d.levels[String(s.level)]))} | ${opts.join('<br>') || '–'} |`);
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderBuiltinRationale() {
  const model = parse(readFileSync(join(root, 'models', 'itaas.yaml'), 'utf8'));
  const questionnaire = parse(readFileSync(join(root, 'questionnaires', 'itaas-core.yaml'), 'utf8'));
  return renderRationale(model, questionnaire);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(root, 'docs', 'model-rationale.md');
  writeFileSync(target, renderBuiltinRationale());
  process.stderr.write(`wrote ${target}\n`);
}
