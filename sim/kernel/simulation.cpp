#include "simulation.h"

#include "machine.h"

#include <algorithm>

namespace ipclab {

Simulation::Simulation(std::shared_ptr<const Scenario> scenario, const RunOptions& options,
                       bool choicePoints)
    : m_scenario(std::move(scenario)), m_machine(std::make_unique<Machine>(*m_scenario, options)) {
    m_machine->setChoicePoints(choicePoints);
}

Simulation::Simulation(const Simulation& other)
    : m_scenario(other.m_scenario), m_machine(std::make_unique<Machine>(*other.m_machine)) {
}

Simulation& Simulation::operator=(const Simulation& other) {
    if (this != &other) {
        Simulation copy(other);
        *this = std::move(copy);
    }
    return *this;
}

Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;
Simulation::~Simulation() = default;

bool Simulation::advance() {
    return m_machine->advance();
}

bool Simulation::atChoice() const {
    return m_machine->paused();
}

bool Simulation::finished() const {
    return m_machine->stopped();
}

const std::vector<int>& Simulation::runnable() const {
    static const std::vector<int> none;
    return m_machine->paused() ? m_machine->options() : none;
}

int Simulation::choiceCpu() const {
    return m_machine->paused() ? m_machine->choiceCpu() : -1;
}

bool Simulation::choose(int proc) {
    const auto& options = runnable();
    if (std::find(options.begin(), options.end(), proc) == options.end()) {
        return false;
    }
    m_machine->choose(proc);
    return true;
}

void Simulation::handOver() {
    m_machine->handOver();
}

void Simulation::stopAwaitingChoice() {
    if (m_machine->paused()) {
        m_machine->endAwaitingChoice();
    }
}

void Simulation::setRecording(bool on) {
    m_machine->setRecording(on);
}

std::uint64_t Simulation::stateHash() const {
    return m_machine->stateHash();
}

Outcome Simulation::outcome() const {
    return m_machine->trace().outcome;
}

const Trace& Simulation::trace() const {
    return m_machine->trace();
}

Trace Simulation::takeTrace() {
    return m_machine->takeTrace();
}

std::optional<std::string> Simulation::segmentCell(const std::string& segment,
                                                   std::int64_t offset) const {
    SimValue v;
    if (!m_machine->segmentCell(segment, offset, v)) {
        return std::nullopt;
    }
    return m_machine->valueText(v);
}

std::optional<std::string> Simulation::variable(int proc, const std::string& var) const {
    SimValue v;
    if (proc < 0 || static_cast<std::size_t>(proc) >= m_scenario->processes.size() ||
        !m_machine->variable(proc, var, v)) {
        return std::nullopt;
    }
    return m_machine->valueText(v);
}

} // namespace ipclab
