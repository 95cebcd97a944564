import { Command } from 'commander';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';
import { contactLine } from '../answers/format-contact.js';

export function whoCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('who')
      .summary('whom to contact about a URL, host name or service, in order')
      .description(
        'Resolve what you have at hand (a URL such as https://bugs.python.org/issue1, a host name, an\n' +
          'id or a name) and list whom to contact and how: its own contacts, its owners, the owners of\n' +
          'what it runs on, and finally the infrastructure team. Private contacts never appear.\n' +
          ANSWER_SOURCES_HELP +
          '\nExit status: 0 answered, 1 nothing matches or --catalog DIR has errors, 2 usage error,\n3 database or server unavailable.',
      )
      .argument('<query...>', 'URL, host name, id or name'),
  ).action(async (words: string[], opts: AnswerCommandOptions) => {
    const q = words.join(' ');
    const client = await openAnswerClient(opts, io);
    const answer = await client.who(q);
    if (opts.json === true) {
      printJson(io, answer);
    } else {
      const m = answer.match;
      io.out(`${q}\n  is ${m.name} (${m.kind} ${m.id}), matched by ${m.detail}.\n`);
      io.out('Whom to contact, in order:');
      let n = 0;
      for (let i = 0; i < answer.steps.length; i++) {
        const step = answer.steps[i];
        if (!step) continue;
        // Team members with no public contact of their own read better as one line.
        const quiet = [];
        for (let j = i; j < answer.steps.length; j++) {
          const s = answer.steps[j];
          if (s?.role !== 'team-member' || s.contacts.length > 0) break;
          quiet.push(s);
        }
        if (quiet.length > 1) {
          n++;
          io.out(
            `${String(n).padStart(3)}. members: ${quiet.map((s) => `${s.name} (${s.id})`).join(', ')}`,
          );
          io.out(
            `       ${quiet[0]?.reason.replace(/^member of ([^,\s]+).*$/, 'members of $1')}; no public contact of their own`,
          );
          i += quiet.length - 1;
          continue;
        }
        n++;
        io.out(
          `${String(n).padStart(3)}. ${step.name} (${step.kind.toLowerCase()} ${step.id}): ${step.reason}`,
        );
        if (step.contacts.length === 0) io.out('       no public contact listed');
        for (const contact of step.contacts) io.out(`       ${contactLine(contact)}`);
      }
    }
    setExit(EXIT.ok);
  });
}
