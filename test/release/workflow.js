/*
 * The release job of .github/workflows/release.yml (generated from projenrc/workflows.ts), read
 * so that the rehearsal (rehearse.js) runs its steps as written instead of a copy of them:
 *
 *   releaseSteps(yamlText)          the job's steps: { name, run?, uses?, if?, env, id? }
 *   jobEnv(yamlText)                the job's env
 *   evaluateIf(condition, context)  a step's `if:` (the few forms the workflow uses)
 *   substitute(text, context)       `${{ ... }}` expressions replaced by their values
 *
 * context: { inputs: { dry_run }, steps: { <id>: { outputs: {...} } }, secrets: {...} }.
 * An expression or a condition outside the small grammar below throws, naming it: a new
 * construct in the workflow fails the rehearsal instead of being guessed at.
 */
'use strict';
const YAML = require('yaml');

const JOB = 'release';

function job(yamlText) {
  const workflow = YAML.parse(yamlText);
  const j = workflow && workflow.jobs && workflow.jobs[JOB];
  if (!j || !Array.isArray(j.steps)) throw new Error(`release.yml has no job "${JOB}" with steps`);
  return j;
}

function releaseSteps(yamlText) {
  return job(yamlText).steps.map((s, i) => ({
    name: s.name || `step ${i + 1}`,
    id: s.id,
    run: s.run,
    uses: s.uses,
    if: s.if,
    env: s.env || {},
  }));
}

function jobEnv(yamlText) {
  return job(yamlText).env || {};
}

/** The value of one operand: a literal ('x', true, false) or a context path (a.b.c). */
function operand(text, context) {
  const t = text.trim();
  if (/^'[^']*'$/.test(t)) return t.slice(1, -1);
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$/.test(t)) {
    let value = context;
    for (const key of t.split('.')) {
      if (value === undefined || value === null || typeof value !== 'object' || !(key in value)) {
        throw new Error(`unknown context value ${t}`);
      }
      value = value[key];
    }
    return value;
  }
  throw new Error(`unsupported operand ${JSON.stringify(t)}`);
}

/** Actions' loose equality, for the types the workflow compares: strings and booleans. */
function equal(a, b) {
  const norm = (v) => (typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
  return norm(a) === norm(b);
}

/** One expression: `a == b`, `a != b`, `a && b` (of those), or an operand. */
function evaluate(expression, context) {
  const e = expression.trim();
  if (e.includes('||') || e.includes('(') || /!(?!=)/.test(e)) {
    throw new Error(`unsupported expression ${JSON.stringify(e)}`);
  }
  if (e.includes('&&')) return e.split('&&').every((part) => truthy(evaluate(part, context)));
  const m = e.match(/^(.*?)\s*(==|!=)\s*(.*)$/);
  if (m) return m[2] === '==' ? equal(operand(m[1], context), operand(m[3], context)) : !equal(operand(m[1], context), operand(m[3], context));
  return operand(e, context);
}

function truthy(v) {
  return v !== false && v !== '' && v !== undefined && v !== null && v !== 0;
}

/** A step's `if:` (no `if:` runs the step). */
function evaluateIf(condition, context) {
  if (condition === undefined || condition === null) return true;
  const text = String(condition).trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return truthy(evaluate(text, context));
}

/** `${{ expr }}` replaced by the expression's value (booleans as true/false). */
function substitute(text, context) {
  return String(text).replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression) => {
    const value = evaluate(expression, context);
    return String(value);
  });
}

module.exports = { releaseSteps, jobEnv, evaluateIf, substitute };
