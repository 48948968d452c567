import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { resolveText } from '../core/text.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { builtinDir, loadQuestionnaire } from '../load/index.js';
import { schemaComment } from '../load/schema-ref.js';
import { UserError } from '../load/problems.js';
import { Id } from '../schema/common.js';
import type { Text } from '../schema/common.js';
import type { Question } from '../schema/questionnaire.js';
import { colors, itaasCommand } from '../ui.js';

export interface InitOptions {
  out?: string;
  force?: boolean;
  standalone?: boolean;
}

const BASE = 'itaas-core';

/** YAML text as a comment block, indented so that removing the "#" leaves it at the right depth. */
const commentBlock = (text: string, indent: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `# ${' '.repeat(indent)}${l}`)
    .join('\n');

/** The first section and questions of the built-in questionnaire, in English, for the examples. */
function builtinExamples(): { section: string; first: Question; second: string } {
  const { questionnaire } = loadQuestionnaire(join(builtinDir('questionnaires'), `${BASE}.yaml`));
  const s = questionnaire.data.sections[0]!;
  return { section: s.id, first: s.questions[0]!, second: s.questions[1]?.id ?? s.questions[0]!.id };
}

/** A question as a short YAML block: id, dimension, text and options (id, level, label) in one language. */
function questionBlock(q: Question, lang: string, fileLang: string): string {
  const t = (x: Text | undefined) => resolveText(x, lang, fileLang).replace(/\s+/g, ' ').trim();
  const flow = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
  const lines = [`id: ${q.id}`, `dimension: ${q.dimension}`, ...(q.weight !== 1 ? [`weight: ${q.weight}`] : []), `text: ${flow(t(q.text))}`, 'options:'];
  for (const o of q.options) lines.push(`  - {id: ${o.id}, level: ${o.level}, label: ${JSON.stringify(t(o.label))}}`);
  return lines.join('\n');
}

function questionnaireScaffold(name: string, schema: string): string {
  const ex = builtinExamples();
  return `#${schema}
#
# Questionnaire "${name}": the built-in ITaaS questionnaire (${BASE}), adapted for one client.
#
# It starts from every section and question of ${BASE} and changes them by id, in this order:
#   drop     leaves out questions or whole sections;
#   replace  puts your own question (or section) in the place of one with the same id;
#   add      adds new sections, and new questions into existing sections.
# Nothing is copied, so corrections to ${BASE} in later versions of itaas reach you too.
#
#   itaas questionnaire show ${BASE}     the built-in questions and their ids
#   itaas validate --strict ${name}.yaml    check this file (and warn about authoring smells)
#   itaas assess --questionnaire ${name}.yaml --answers client.yaml
#
# Raise "version" whenever you change a question: answers files record the version and a hash of the
# questions they were given against, and itaas warns when they no longer match.
#
# Any text (title, text, help, label, description) may be one string in "language", or a map of
# languages: {en: Service catalogue, de: Servicekatalog}. "itaas report --lang de" picks German.
kind: questionnaire
id: ${name}
version: 0.1.0
extends: ${BASE}
title: ITaaS maturity assessment (${name})
language: en
# The model is the built-in one unless you name another (a built-in id or a path to a .yaml file):
# model: ./my-model.yaml

# Leave out a question or a whole section, by id:
# drop:
#   - ${ex.second}

# Ask a question of ${BASE} in your own words, keeping its id, options and levels comparable:
# replace:
#   - question:
${commentBlock(questionBlock(ex.first, 'en', 'en'), 6)}

# Add your own question to a section (after a given question, or at the end), or a whole section:
# add:
#   - into: ${ex.section}
#     after: ${String(ex.first.id)}
#     question:
#       id: ${name}-hosting-contracts
#       dimension: virtualization
#       text: How many of the client's hosting contracts allow capacity to be added within a week?
#       options:
#         - {id: none, level: 0, label: None}
#         - {id: few, level: 1, label: A few}
#         - {id: some, level: 2, label: About half}
#         - {id: most, level: 3, label: Most}
#         - {id: all, level: 4, label: All of them}
#   - section:
#       id: ${name}-client-specific
#       title: Client-specific questions
#       questions:
#         - id: ${name}-cloud-strategy
#           dimension: sourcing
#           text: {en: Is there a written cloud strategy?, de: Gibt es eine schriftliche Cloud-Strategie?}
#           options:
#             - {id: no, level: 0, label: {en: No, de: Nein}}
#             - {id: ideas, level: 1, label: {en: Ideas only, de: Nur Ideen}}
#             - {id: draft, level: 2, label: {en: A draft, de: Ein Entwurf}}
#             - {id: agreed, level: 3, label: {en: Agreed, de: Beschlossen}}
#             - {id: lived, level: 4, label: {en: Agreed and followed, de: Beschlossen und gelebt}}
`;
}

function standaloneScaffold(name: string, schema: string): string {
  return `#${schema}
#
# Questionnaire "${name}", written from scratch. Each question measures one dimension of the model and
# offers options that each stand for a level of the model's scale; "Not applicable" and "Don't know"
# are offered too unless allowNa / allowDontKnow are false.
#
#   itaas validate --strict ${name}.yaml     check this file (and warn about authoring smells)
#   itaas assess --questionnaire ${name}.yaml --answers client.yaml
#
# Any text may be one string in "language", or a map of languages: {en: ..., de: ...}.
kind: questionnaire
id: ${name}
version: 0.1.0
title: ${name}
language: en
# A built-in model id, or a path to your own model relative to this file (itaas init model NAME).
model: itaas

sections:
  - id: virtualization
    title: Virtualization
    questions:
      - id: server-virtualization
        dimension: virtualization
        text: What share of your server workloads runs on virtual machines or containers?
        help: Count production and non-production workloads together.
        options:
          - {id: none, level: 0, label: None or almost none}
          - {id: some, level: 1, label: Less than a quarter}
          - {id: half, level: 2, label: A quarter to 60%}
          - {id: most, level: 3, label: 60% to 90%}
          - {id: nearly-all, level: 4, label: More than 90%}
      - id: storage-network-virtualization
        dimension: virtualization
        text: Are storage and network virtualized or software-defined as well?
        options:
          - {id: neither, level: 0, label: Neither}
          - {id: planned, level: 1, label: Planned or piloted}
          - {id: one, level: 2, label: One of the two}
          - {id: both, level: 3, label: Both}
          - {id: both-automated, level: 4, label: "Both, and provisioned through automation"}
      # Shown only when an earlier answer makes it relevant:
      - id: virtualization-platform-count
        dimension: virtualization
        when: {question: server-virtualization, notIn: [none, na]}
        text: How many virtualization platforms do you run?
        options:
          - {id: many, level: 0, label: "Three or more, managed separately"}
          - {id: two-apart, level: 1, label: "Two, managed separately"}
          - {id: two, level: 2, label: "Two, managed as one"}
          - {id: one, level: 3, label: One}
          - {id: one-standard, level: 4, label: "One, as a standard service with published limits"}
        allowDontKnow: false
`;
}

function modelScaffold(name: string, schema: string): string {
  return `#${schema}
#
# Model "${name}": what gets scored and what to do about it. A questionnaire names it with
# "model: ./${name}.yaml" (a path relative to the questionnaire) and asks questions on its dimensions.
#
#   itaas validate --strict ${name}.yaml
#
# Any text may be one string in "language", or a map of languages: {en: ..., de: ...}.
kind: model
id: ${name}
version: 0.1.0
title: ${name}
language: en

# The maturity scale every dimension shares, lowest level first.
scale:
  - {level: 0, label: Absent}
  - {level: 1, label: Initial}
  - {level: 2, label: Developing}
  - {level: 3, label: Managed}
  - {level: 4, label: Optimised}

# Dimensions are grouped into axes in the report.
axes:
  - id: delivery
    title: Service delivery

dimensions:
  - id: automation
    axis: delivery
    title: Automation
    description: How much of provisioning and change happens without manual work.
    target: 3
    levels:
      "0": Everything is done by hand.
      "1": A few scripts, run by the people who wrote them.
      "2": Common tasks are scripted and shared.
      "3": Standard requests are fulfilled end to end without manual steps.
      "4": Automation is the norm and is improved continuously.
  - id: service-catalogue
    axis: delivery
    title: Service catalogue
    description: Whether the business can see and order what IT offers.
    weight: 2
    target: 3
    levels:
      "0": No list of services exists.
      "1": An internal list of systems.
      "2": A catalogue of services, published but not maintained.
      "3": A maintained catalogue with owners and service levels.
      "4": An orderable catalogue, with prices, that drives fulfilment.

# Phases are reached in order; each requires every earlier one (weakest link).
phases:
  none:
    title: Not yet started
    description: The basics are not yet in place.
  list:
    - id: foundations
      title: Foundations
      description: Common tasks are automated and services are listed.
      requires:
        - {dimension: automation, min: 2}
        - {dimension: service-catalogue, min: 2}
    - id: service-provider
      title: Service provider
      description: IT offers managed services that the business can order.
      requires:
        - {dimension: automation, min: 3}
        - {dimension: service-catalogue, min: 3}

# Operating-model stages are each attained on their own.
stages:
  baseline:
    id: technology-silos
    title: Technology silos
    description: IT is organised by technology.
  list:
    - id: service-oriented
      title: Service-oriented
      description: IT is organised around the services it offers.
      requires:
        - {dimension: service-catalogue, min: 3}

roadmap:
  waves:
    - {id: now, title: First six months, fromMonth: 0, toMonth: 6}
    - {id: next, title: Six to twelve months, fromMonth: 6, toMonth: 12}
  efforts:
    - {id: small, label: Small, points: 1, months: 2}
    - {id: large, label: Large, points: 3, months: 6}
  parallel: 2

# Each initiative raises dimensions over a range of levels; a gap in that range puts it on the roadmap.
initiatives:
  - id: script-common-tasks
    title: Script the common tasks
    rationale: Shared scripts for the ten most frequent requests remove most manual work.
    raises: [{dimension: automation, from: 0, to: 2}]
    effort: small
  - id: automate-fulfilment
    title: Automate fulfilment end to end
    rationale: Standard requests fulfilled without manual steps are faster and cheaper.
    raises: [{dimension: automation, from: 2, to: 4}]
    effort: large
    dependsOn: [script-common-tasks]
  - id: publish-catalogue
    title: Publish a service catalogue
    rationale: A catalogue tells the business what it can get and from whom.
    raises: [{dimension: service-catalogue, from: 0, to: 2}]
    effort: small
  - id: manage-catalogue
    title: Run the catalogue as a product
    rationale: Owners, service levels and ordering make the catalogue the front door to IT.
    raises: [{dimension: service-catalogue, from: 2, to: 4}]
    effort: large
    dependsOn: [publish-catalogue]
`;
}

export async function initCommand(kind: string, name: string, opts: InitOptions): Promise<void> {
  if (kind !== 'questionnaire' && kind !== 'model') throw new UserError(`cannot scaffold "${kind}"; choose "questionnaire" or "model" (itaas init questionnaire ${name})`);
  const id = Id.safeParse(name);
  if (!id.success) throw new UserError(`"${name}" cannot be an id: it ${id.error.issues[0]?.message ?? 'is not a slug'}`);
  if (opts.standalone && kind === 'model') throw new UserError('--standalone only applies to questionnaires');
  const out = opts.out ?? `${name}.yaml`;
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new UserError(`${out} is a folder; give a file name with --out (e.g. --out ${join(out, `${name}.yaml`)})`);
    if (!opts.force) throw new UserError(`${out} already exists; pass --force to overwrite it, or --out to write elsewhere`);
  }
  if (!existsSync(dirname(resolve(out)))) throw new UserError(`the folder of ${out} does not exist; create it first`);
  const schema = schemaComment(out, kind, itaasCommand());
  const text = kind === 'model' ? modelScaffold(name, schema) : opts.standalone ? standaloneScaffold(name, schema) : questionnaireScaffold(name, schema);
  await writeFileAtomic(out, text);
  const c = colors();
  process.stderr.write(`${c.green('wrote')} ${out}\nnext: edit it, then run  ${itaasCommand()} validate --strict ${out}\n`);
}
